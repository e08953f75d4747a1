import { Injectable, type NestMiddleware } from '@nestjs/common';

interface HeaderResponse {
  setHeader(name: string, value: string): void;
  removeHeader(name: string): void;
}

/**
 * Security headers on every gateway answer (OWASP API8, security misconfiguration): no MIME
 * sniffing, no framing, no referrer, no caching of API answers (they carry customer data and
 * tokens), HSTS for browsers reaching it over TLS, and no `X-Powered-By: Express`. Routes that
 * serve a page set their own Content-Security-Policy (docs); everything else is data: `default-src 'none'`.
 */
@Injectable()
export class SecurityHeadersMiddleware implements NestMiddleware<unknown, HeaderResponse> {
  use(_request: unknown, response: HeaderResponse, next: () => void): void {
    response.removeHeader('X-Powered-By');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    response.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    next();
  }
}
