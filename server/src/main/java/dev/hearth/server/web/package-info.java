/** The browser client's static files (built by the {@code web} module) served with caching and a strict CSP. */
package dev.hearth.server.web;
