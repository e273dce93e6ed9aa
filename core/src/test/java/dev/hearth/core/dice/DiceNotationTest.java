package dev.hearth.core.dice;

import static dev.hearth.core.dice.Dice.parse;
import static dev.hearth.core.dice.Dice.parseFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every construct of the notation, read into its canonical form, and every error with its position. */
class DiceNotationTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "2d6|2d6", "d20|1d20", "d%|1d100", "4dF|4dF", "dF|1dF", "  1d20 + 5 |1d20+5",
        "2d6+3-1|2d6+3-1", "2*3+4|2*3+4", "2*(3+4)|2*(3+4)", "10-(2-3)|10-(2-3)", "(10-2)-3|10-2-3",
        "7/2|7/2", "-3|-3", "--3|--3", "-(1d4+1)|-(1d4+1)", "2*-1d4|2*-1d4", "(((2)))|2",
        "floor(7/2)|floor(7/2)", "ceil(1d6/2)|ceil(1d6/2)", "round( 3d6 / 4 )|round(3d6/4)", "floor(3)|3",
        "floor(1/2)*2|floor(1/2)*2", "floor((1+2)/(3*4))|floor((1+2)/(3*4))",
        "4d6kh3|4d6kh3", "4d6k3|4d6kh3", "2d20k|2d20kh1", "2d20kl|2d20kl1", "4d6dl1|4d6dl1", "4d6dl|4d6dl1",
        "4d6dh2|4d6dh2",
        "1d6!|1d6!", "1d6!=6|1d6!", "1d6!>4|1d6!>4", "1d6!<2|1d6!<2", "1d6!=5|1d6!=5", "1d6!5|1d6!=5",
        "1d6!>=5|1d6!>=5", "1d6!!|1d6!!", "1d6!!>5|1d6!!>5", "1d6!p|1d6!p", "1d6!p>=5|1d6!p>=5",
        "1d6r|1d6r", "1d6r1|1d6r", "1d6r=2|1d6r=2", "1d6r<3|1d6r<3", "1d6r>5|1d6r>5", "1d6ro|1d6ro",
        "1d6ro<3|1d6ro<3", "1dFr|1dFr",
        "6d10>7|6d10>7", "6d10>=7|6d10>=7", "6d10<3|6d10<3", "6d10<=3|6d10<=3", "6d10=10|6d10=10",
        "6d10>7f1|6d10>7f=1", "6d10>7f<3|6d10>7f<3", "4dF>0|4dF>0", "4dF=-1|4dF=-1",
        "4d6min2|4d6min2", "1d20max19|1d20max19", "4dFmin-1max0|4dFmin-1max0",
        "4d6kh3r|4d6rkh3", "8d6>4!r|8d6r=1!=6>4", "8d6!>4|8d6!>4", "8d6!>4>4|8d6!>4>4", "1d6r>3|1d6r>3", "10d6!kh3min2|10d6!min2kh3",
        "{4d6, 3d8}kh1|{4d6, 3d8}kh1", "{4d6,3d8}|{4d6, 3d8}", "{1d20+5, 2d10}>15|{1d20+5, 2d10}>15",
        "{3d6}dl1>=10f<3|{3d6}dl1>=10f<3",
        "adv|2d20kh1", "dis|2d20kl1", "adv+5|2d20kh1+5", "2*dis|2*2d20kl1",
    })
    void reads_every_construct_into_its_canonical_form(String text, String canonical) {
        assertThat(parse(text).notation()).isEqualTo(canonical);
    }

    @Test
    void a_label_follows_the_hash_and_is_trimmed() {
        Expression e = parse("1d20+5 # longsword  ");
        assertThat(e.label()).isEqualTo("longsword");
        assertThat(e.notation()).isEqualTo("1d20+5");
        assertThat(e).hasToString("1d20+5 # longsword");
        assertThat(parse("1d20").label()).isEmpty();
    }

    @Test
    void repeats_come_first_with_an_x() {
        Expression e = parse("6 x 4d6dl1 # stats");
        assertThat(e.repeats()).isEqualTo(6);
        assertThat(e.notation()).isEqualTo("4d6dl1");
        assertThat(e).hasToString("6 x 4d6dl1 # stats");
        assertThat(parse("3x1d6").repeats()).isEqualTo(3);
        assertThat(parse("3").repeats()).isEqualTo(1);
    }

    @Test
    void modifiers_are_recorded_as_they_apply() {
        Node.Dice d = (Node.Dice) parse("4d6ro<3!!>5min2max5kl2>3f1").root();
        DiceModifiers m = d.modifiers();
        assertThat(m.reroll()).contains(new Reroll(true, new Compare(Compare.Relation.LESS, 3)));
        assertThat(m.explode()).contains(new Explode(Explode.Kind.COMPOUNDING, new Compare(Compare.Relation.GREATER, 5)));
        assertThat(m.min()).contains(2);
        assertThat(m.max()).contains(5);
        assertThat(m.keep()).contains(new Keep(Keep.Kind.KEEP_LOWEST, 2));
        assertThat(m.counting()).contains(new Counting(new Compare(Compare.Relation.GREATER, 3),
                Optional.of(Compare.equal(1))));
    }

    @Test
    void the_default_reroll_is_the_lowest_face_and_the_default_explosion_the_highest() {
        assertThat(((Node.Dice) parse("1dFr!").root()).modifiers().reroll().get().when()).isEqualTo(Compare.equal(-1));
        assertThat(((Node.Dice) parse("1dFr!").root()).modifiers().explode().get().when()).isEqualTo(Compare.equal(1));
        assertThat(((Node.Dice) parse("1d8!").root()).modifiers().explode().get().when()).isEqualTo(Compare.equal(8));
    }

    @Test
    void rounding_functions_change_the_division_they_hold() {
        Node.Binary b = (Node.Binary) parse("floor(7/2)").root();
        assertThat(b.operator()).isEqualTo(Operator.FLOOR_DIVIDE);
        assertThat(((Node.Binary) parse("7/2").root()).operator()).isEqualTo(Operator.DIVIDE);
        assertThat(((Node.Binary) parse("round(7/2)").root()).operator()).isEqualTo(Operator.ROUND_DIVIDE);
    }

    @Test
    void a_group_holds_its_members() {
        Node.Group g = (Node.Group) parse("{4d6, 3d8+1}kh1").root();
        assertThat(g.members()).hasSize(2);
        assertThat(g.keep()).contains(new Keep(Keep.Kind.KEEP_HIGHEST, 1));
        assertThat(g.members()).isUnmodifiable();
    }

    @Test
    void nodes_know_where_they_start() {
        Node.Binary sum = (Node.Binary) parse("1d20 + 2d6").root();
        assertThat(sum.position()).isEqualTo(5);
        assertThat(sum.left().position()).isEqualTo(0);
        assertThat(sum.right().position()).isEqualTo(7);
    }

    record Error(String text, int position, String expected) {}

    @Test
    void syntax_errors_name_the_position_and_what_was_expected() {
        List<Error> errors = List.of(
                new Error("", 0, "a number, dice (such as d20), adv, dis, floor(, ceil(, round(, '(' or '{'"),
                new Error("   ", 3, "a number, dice (such as d20), adv, dis, floor(, ceil(, round(, '(' or '{'"),
                new Error("1d20+", 5, "a number, dice (such as d20), adv, dis, floor(, ceil(, round(, '(' or '{'"),
                new Error("1d20 5", 5, "an operator (+ - * /), a modifier or the end"),
                new Error("2d", 2, "a number of sides, '%' or 'F'"),
                new Error("2dX", 2, "a number of sides, '%' or 'F'"),
                new Error("(1+2", 4, "')'"),
                new Error("1+2)", 3, "an operator (+ - * /), a modifier or the end"),
                new Error("{1d6, 2d6", 9, "',' or '}'"),
                new Error("{1d6; 2d6}", 4, "',' or '}'"),
                new Error("floor 7/2", 6, "'('"),
                new Error("floor(7/2", 9, "')'"),
                new Error("4d6x", 3, "an operator (+ - * /), a modifier or the end"),
                new Error("0d6", 0, "at least 1 die"),
                new Error("2d0", 2, "1 to 10000 sides"),
                new Error("4d6kh0", 5, "a count of at least 1"),
                new Error("4d6kh3kl1", 6, "each modifier at most once"),
                new Error("4d6r<2r>5", 6, "each modifier at most once"),
                new Error("4d6>4>5", 5, "each modifier at most once"),
                new Error("4d6f1", 3, "a success compare point (such as >4) before f"),
                new Error("4d6>4f", 6, "a compare point such as 1 or <3"),
                new Error("4d6>", 4, "a number"),
                new Error("4d6>=x", 5, "a number"),
                new Error("4d6min", 6, "a number"),
                new Error("4d6min5max2", 11, "min at most max"),
                new Error("1d6 +# roll", 5, "a number, dice (such as d20), adv, dis, floor(, ceil(, round(, '(' or '{'"),
                new Error("{1d6}kh1kh1", 8, "each modifier at most once"),
                new Error("1234567890", 0, "a number below 1000000000"));
        for (Error e : errors) {
            ParseResult.Failed failed = parseFails(e.text());
            assertThat(failed.expected()).as(e.text()).isEqualTo(e.expected());
            assertThat(failed.position()).as(e.text()).isEqualTo(e.position());
            assertThat(failed.message()).as(e.text()).isNotBlank();
        }
    }

    @Test
    void a_message_says_where_and_what_and_what_was_found() {
        assertThat(parseFails("(1+2").message()).isEqualTo("At position 4: expected ')', found the end.");
        assertThat(parseFails("2dX").message()).isEqualTo("At position 2: expected a number of sides, '%' or 'F', found 'X'.");
    }

    @Test
    void limits_are_refused_before_anything_is_rolled() {
        ParseResult.Failed huge = parseFails("1000000d1000000");
        assertThat(huge.problem()).isEqualTo(DiceProblem.LIMIT);
        assertThat(huge.position()).isZero();
        assertThat(huge.expected()).isEqualTo("at most 1000 dice in all");

        ParseResult.Failed many = parseFails("600d6+500d6");
        assertThat(many.position()).isEqualTo(6);
        assertThat(parseFails("20 x 51d6").expected()).isEqualTo("at most 1000 dice in all");
        assertThat(parseFails("20 x 51d6").message()).contains("repeats included");

        ParseResult.Failed sides = parseFails("1d10001");
        assertThat(sides.problem()).isEqualTo(DiceProblem.LIMIT);
        assertThat(sides.position()).isEqualTo(2);
        assertThat(sides.expected()).isEqualTo("1 to 10000 sides");

        ParseResult.Failed repeats = parseFails("21 x 1d6");
        assertThat(repeats.problem()).isEqualTo(DiceProblem.LIMIT);
        assertThat(repeats.expected()).isEqualTo("1 to 20 repeats");
        assertThat(parseFails("0 x 1d6").position()).isZero();

        ParseResult.Failed length = parseFails("1+".repeat(250) + "1");
        assertThat(length.problem()).isEqualTo(DiceProblem.LIMIT);
        assertThat(length.position()).isEqualTo(500);
        assertThat(length.expected()).isEqualTo("at most 500 characters");
    }

    @Test
    void limits_are_those_given() {
        DiceLimits small = new DiceLimits(20, 10, 12, 5, 2, 3, 1000);
        assertThat(parseFails("11d6", small).expected()).isEqualTo("at most 10 dice in all");
        assertThat(parseFails("1d20", small).expected()).isEqualTo("1 to 12 sides");
        assertThat(parseFails("3 x 1d6", small).expected()).isEqualTo("1 to 2 repeats");
        assertThat(parseFails("1+1+1+1+1+1+1+1+1+1+1", small).position()).isEqualTo(20);
        assertThat(DiceNotation.parse("10d12", small)).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void explosions_and_rerolls_that_never_stop_are_refused() {
        ParseResult.Failed d1 = parseFails("d1!");
        assertThat(d1.problem()).isEqualTo(DiceProblem.LIMIT);
        assertThat(d1.position()).isEqualTo(2);
        assertThat(d1.expected()).isEqualTo("an explosion some face stops");
        assertThat(parseFails("1d6!>0").expected()).isEqualTo("an explosion some face stops");
        assertThat(parseFails("1d6!!<=6").expected()).isEqualTo("an explosion some face stops");
        assertThat(parseFails("1d6r<7").expected()).isEqualTo("a reroll some face stops");
        assertThat(parseFails("1d1r").position()).isEqualTo(3);
        // Rerolling once always stops.
        assertThat(parse("1d1ro").notation()).isEqualTo("1d1ro");
        assertThat(parse("1d1").notation()).isEqualTo("1d1");
    }
}
