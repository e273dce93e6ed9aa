package dev.hearth.store.images;

import java.util.Optional;

/**
 * Images uploaded to a campaign, content-addressed and kept on the same database as the event log
 * (so a deployment still has one database to run and back up). What an image is, and who may
 * upload or see one, is decided before: the store keeps bytes, their hash and the quota.
 *
 * <h2>Contract</h2>
 * Every implementation passes the same contract test suite ({@code ImageStoreContract}).
 * <ul>
 *   <li><b>Content-addressed per campaign.</b> An image is found by its campaign and the
 *       {@link ImageHash} of its bytes; the same bytes in another campaign are another image
 *       (and count against that campaign's quota). Outsiders of a campaign are not the store's
 *       business, but a campaign never sees another's images.
 *   <li><b>Putting is idempotent.</b> Putting bytes the campaign has already answers
 *       {@link PutResult.AlreadyStored} with the first put's record, changes nothing and needs no
 *       quota, also when concurrent puts of the same bytes race: exactly one answers
 *       {@link PutResult.Stored}.
 *   <li><b>The quota holds.</b> The sizes of a campaign's images never sum to more than the quota
 *       the put was given, also under concurrent puts; a put that would pass it answers
 *       {@link PutResult.OverQuota} and stores nothing.
 *   <li><b>Images go with their campaign.</b> Deleting the campaign
 *       ({@link dev.hearth.store.campaigns.CampaignStore#delete}) deletes its images in the same
 *       transaction; a put for a campaign that does not exist stores nothing.
 *   <li><b>Bytes come back exactly.</b> {@link #find} answers the bytes that were put, with the
 *       media type, dimensions and size they were put with.
 * </ul>
 * Time is passed in, never read from a clock. Database failures are thrown as
 * {@link dev.hearth.store.StoreException}.
 */
public interface ImageStore {

    /** Stores the image unless the campaign has it already, within {@code quotaBytes} for all its images. */
    PutResult put(NewImage image, long quotaBytes);

    /** The image's record without its bytes: enough to answer a conditional request. */
    Optional<ImageInfo> info(String campaignId, String hash);

    /** The image with its bytes. */
    Optional<StoredImage> find(String campaignId, String hash);

    /** The bytes the campaign's images take together; 0 for a campaign without images (or none at all). */
    long usedBytes(String campaignId);
}
