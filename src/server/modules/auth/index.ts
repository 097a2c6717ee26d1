export { AuthService, type AuthContext, type AuthLevel, type RequestInfo } from './auth.service.js';
export { ApiTokenService } from './api-tokens.service.js';
export { registerAuthRoutes } from './auth.routes.js';
export { registerApiTokenRoutes } from './api-tokens.routes.js';
export { totpCodeAt, ARGON2_PARAMS } from './auth.crypto.js';
export { requestInfo, setSessionCookie, type SessionCookieOptions } from './auth.http.js';
export { passwordIssues } from './password.check.js';
