// The size of a dataset upload, apart from lib/editing/upload.ts (which reaches the
// database) so that the front server's body limits (lib/security/body-limits.ts) can
// read it.

/** The largest file an upload takes (the founding dataset is about 0.1 MB). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = "20 MB";
