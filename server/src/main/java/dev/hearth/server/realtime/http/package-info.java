/**
 * The real-time engine over plain HTTP: connection tickets ({@code POST /api/realtime/ticket}) and
 * table commands ({@code POST /api/sessions/{id}/commands}), which take the WebSocket path.
 */
package dev.hearth.server.realtime.http;
