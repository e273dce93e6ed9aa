/**
 * Images uploaded to a campaign, content-addressed: the {@link dev.hearth.store.images.ImageStore}
 * contract, its values ({@link dev.hearth.store.images.NewImage}, {@link
 * dev.hearth.store.images.ImageInfo}, {@link dev.hearth.store.images.StoredImage}, {@link
 * dev.hearth.store.images.PutResult}), {@link dev.hearth.store.images.ImageHash}, the one place the
 * hash is made, and {@link dev.hearth.store.images.JdbcImageStore}, on the event store's own SQLite
 * or PostgreSQL database.
 */
package dev.hearth.store.images;
