// The longest values the account and sign-in fields take, for the server's schemas and
// the forms' maxlength alike (no server-only imports here, so that forms can use them).

/** The longest e-mail address SMTP can deliver to (RFC 5321's path limit, less the brackets). */
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 12;
/** scrypt hashes anything, but a megabyte "password" is a denial of service, not a secret. */
export const PASSWORD_MAX_LENGTH = 128;
