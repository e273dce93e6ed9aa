package dev.hearth.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    @TempDir
    Path dir;

    @Test
    void draws_its_series_into_a_png() throws Exception {
        Path file = dir.resolve("chart.png");
        Color red = new Color(200, 0, 0);
        new LineChart("t", "x", "y", true)
                .add(new LineChart.Series("a", red, false,
                        List.of(new LineChart.Point(1, 0.5), new LineChart.Point(2, 50), new LineChart.Point(3, 5))))
                .write(file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isGreaterThan(400);
        boolean hasLine = false;
        for (int x = 0; x < image.getWidth() && !hasLine; x++) {
            for (int y = 0; y < image.getHeight() && !hasLine; y++) {
                hasLine = image.getRGB(x, y) == red.getRGB();
            }
        }
        assertThat(hasLine).as("the series is drawn in its colour").isTrue();
    }
}
