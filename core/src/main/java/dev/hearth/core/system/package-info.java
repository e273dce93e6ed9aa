/** The system channel: announcements from administrators to every connected user. */
package dev.hearth.core.system;
