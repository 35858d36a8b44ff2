/** Name of the httpOnly session cookie. */
export const SESSION_COOKIE = 'motcua_session';
