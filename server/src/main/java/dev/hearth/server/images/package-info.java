/**
 * Images for the shared map: {@link dev.hearth.server.images.ImageProbe} (what a body is, from its
 * header alone, and whether its pixels are within limits), {@link dev.hearth.server.images.Images}
 * (upload and read, transport-free, asking core's {@code AccessPolicy}) and {@link
 * dev.hearth.server.images.ImageEndpoints}, the HTTP face of {@code /api/sessions/{id}/images}.
 */
package dev.hearth.server.images;
