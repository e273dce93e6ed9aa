package dev.hearth.store.images;

/** What {@link ImageStore#put} did. */
public sealed interface PutResult {

    /** Stored now; it counts against the campaign's quota from now on. */
    record Stored(ImageInfo info) implements PutResult {}

    /** The campaign has these bytes already (perhaps stored by someone else): nothing changed. */
    record AlreadyStored(ImageInfo info) implements PutResult {}

    /** Storing it would take the campaign's images beyond {@code quotaBytes}: nothing changed. */
    record OverQuota(long usedBytes, long quotaBytes) implements PutResult {}

    /** There is no such campaign (perhaps deleted a moment ago): nothing changed. */
    record NoSuchCampaign() implements PutResult {}
}
