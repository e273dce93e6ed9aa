package dev.hearth.store.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hearth.store.TestStore;
import dev.hearth.store.accounts.Account;
import dev.hearth.store.campaigns.Campaign;
import dev.hearth.store.campaigns.CampaignStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link ImageStore} contract, run against every engine. A subclass names its engine: each
 * test gets a fresh database of it.
 */
abstract class ImageStoreContract {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final long QUOTA = 1_000_000;

    /** This test's database. */
    @RegisterExtension
    final TestStore db;

    protected ImageStoreContract(TestStore db) {
        this.db = db;
    }

    ImageStore store() {
        return db.events().images();
    }

    CampaignStore campaigns() {
        return db.events().campaigns();
    }

    /** A new campaign of a new account: its id. */
    String campaign() {
        Account owner = new Account(UUID.randomUUID().toString(), "o" + UUID.randomUUID().toString().substring(0, 8),
                "The owner", "h", NOW, NOW);
        db.events().accounts().create(owner);
        Campaign c = new Campaign(UUID.randomUUID().toString(), "Curse of the Crimson Keep", owner.id(), NOW);
        assertThat(campaigns().create(c)).isTrue();
        return c.id();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static NewImage image(String campaignId, byte[] bytes) {
        return NewImage.of(campaignId, "image/png", 640, 480, bytes, "olga", NOW);
    }

    @Test
    void an_image_comes_back_byte_for_byte_with_what_it_was_put_with() {
        String c = campaign();
        byte[] bytes = bytes("pretend these are the bytes of a map");
        NewImage image = NewImage.of(c, "image/webp", 1920, 1080, bytes, "olga", NOW);

        PutResult put = store().put(image, QUOTA);

        ImageInfo info = new ImageInfo(c, ImageHash.of(bytes), "image/webp", 1920, 1080, bytes.length, "olga", NOW);
        assertThat(put).isEqualTo(new PutResult.Stored(info));
        assertThat(store().info(c, image.hash())).contains(info);
        StoredImage found = store().find(c, image.hash()).orElseThrow();
        assertThat(found.info()).isEqualTo(info);
        assertThat(found.bytes()).isEqualTo(bytes);
        assertThat(store().usedBytes(c)).isEqualTo(bytes.length);
    }

    @Test
    void the_hash_is_sha256_of_the_bytes_in_lower_case_hex() {
        assertThat(ImageHash.of(bytes("abc")))
                .isEqualTo("sha256-ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ImageHash.isWellFormed(ImageHash.of(bytes("abc")))).isTrue();
        assertThat(ImageHash.isWellFormed("sha256-BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"))
                .isFalse();
        assertThat(ImageHash.isWellFormed("sha256-ba78")).isFalse();
        assertThat(ImageHash.isWellFormed("../../etc/passwd")).isFalse();
    }

    @Test
    void putting_the_same_bytes_again_changes_nothing_and_answers_the_first_record_even_without_quota_left() {
        String c = campaign();
        byte[] bytes = bytes("a map");
        store().put(image(c, bytes), QUOTA);

        PutResult again = store().put(NewImage.of(c, "image/png", 640, 480, bytes, "someone-else", NOW.plusSeconds(60)),
                bytes.length);

        assertThat(again).isEqualTo(new PutResult.AlreadyStored(image(c, bytes).info()));
        assertThat(store().usedBytes(c)).isEqualTo(bytes.length);
    }

    @Test
    void the_same_bytes_in_another_campaign_are_another_image_with_its_own_count() {
        String mine = campaign();
        String theirs = campaign();
        byte[] bytes = bytes("a shared map");
        store().put(image(mine, bytes), QUOTA);

        assertThat(store().info(theirs, ImageHash.of(bytes))).isEmpty();
        assertThat(store().find(theirs, ImageHash.of(bytes))).isEmpty();
        assertThat(store().put(image(theirs, bytes), QUOTA)).isInstanceOf(PutResult.Stored.class);
        assertThat(store().usedBytes(mine)).isEqualTo(bytes.length);
        assertThat(store().usedBytes(theirs)).isEqualTo(bytes.length);
    }

    @Test
    void a_put_beyond_the_quota_stores_nothing_and_one_that_fills_it_exactly_is_stored() {
        String c = campaign();
        byte[] first = bytes("0123456789");
        byte[] second = bytes("abcdefghij");
        byte[] third = bytes("k");
        assertThat(store().put(image(c, first), 20)).isInstanceOf(PutResult.Stored.class);

        assertThat(store().put(image(c, bytes("abcdefghijk")), 20)).isEqualTo(new PutResult.OverQuota(10, 20));
        assertThat(store().info(c, ImageHash.of(bytes("abcdefghijk")))).isEmpty();
        assertThat(store().usedBytes(c)).isEqualTo(10);

        assertThat(store().put(image(c, second), 20)).isInstanceOf(PutResult.Stored.class);
        assertThat(store().put(image(c, third), 20)).isEqualTo(new PutResult.OverQuota(20, 20));
        assertThat(store().usedBytes(c)).isEqualTo(20);
    }

    @Test
    void nothing_is_stored_for_a_campaign_that_does_not_exist() {
        byte[] bytes = bytes("orphan");

        assertThat(store().put(image("no-such-campaign", bytes), QUOTA)).isEqualTo(new PutResult.NoSuchCampaign());
        assertThat(store().info("no-such-campaign", ImageHash.of(bytes))).isEmpty();
        assertThat(store().usedBytes("no-such-campaign")).isZero();
    }

    @Test
    void unknown_hashes_find_nothing() {
        String c = campaign();

        assertThat(store().info(c, ImageHash.of(bytes("never put")))).isEmpty();
        assertThat(store().find(c, ImageHash.of(bytes("never put")))).isEmpty();
        assertThat(store().usedBytes(c)).isZero();
    }

    @Test
    void deleting_a_campaign_deletes_its_images_and_leaves_other_campaigns_alone() {
        String doomed = campaign();
        String other = campaign();
        byte[] bytes = bytes("a map");
        store().put(image(doomed, bytes), QUOTA);
        store().put(image(other, bytes), QUOTA);

        assertThat(campaigns().delete(doomed)).isTrue();

        assertThat(store().find(doomed, ImageHash.of(bytes))).isEmpty();
        assertThat(store().usedBytes(doomed)).isZero();
        assertThat(store().find(other, ImageHash.of(bytes))).isPresent();
        assertThat(store().put(image(doomed, bytes("later")), QUOTA)).isEqualTo(new PutResult.NoSuchCampaign());
    }

    @Test
    void concurrent_puts_of_different_images_never_pass_the_quota() throws Exception {
        String c = campaign();
        int writers = 8;
        List<Callable<PutResult>> puts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            byte[] bytes = new byte[100];
            Arrays.fill(bytes, (byte) i);
            puts.add(() -> store().put(image(c, bytes), 450));
        }

        List<PutResult> results = all(puts);

        assertThat(results).filteredOn(r -> r instanceof PutResult.Stored).hasSize(4);
        assertThat(results).filteredOn(r -> r instanceof PutResult.OverQuota).hasSize(4);
        assertThat(store().usedBytes(c)).isEqualTo(400);
    }

    @Test
    void concurrent_puts_of_the_same_bytes_store_them_once() throws Exception {
        String c = campaign();
        byte[] bytes = bytes("everyone uploads the same map at once");
        List<Callable<PutResult>> puts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            puts.add(() -> store().put(image(c, bytes), QUOTA));
        }

        List<PutResult> results = all(puts);

        assertThat(results).filteredOn(r -> r instanceof PutResult.Stored).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof PutResult.AlreadyStored).hasSize(7);
        assertThat(store().usedBytes(c)).isEqualTo(bytes.length);
    }

    /** Runs the calls together, released at once, and answers their results. */
    static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
