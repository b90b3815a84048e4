/**
 * Hard limits on one transcript. They bound memory and time for a single
 * upload; the size limit matches the largest source SPEC §6 allows.
 */

/** Largest transcript accepted, in bytes, measured before decoding. */
export const MAX_TRANSCRIPT_BYTES = 50 * 1024 * 1024;

/** Most segments one transcript may produce. */
export const MAX_SEGMENTS = 20_000;
