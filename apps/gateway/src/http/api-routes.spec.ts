import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PUBLIC_PATHS } from '../auth/api-key.guard';
import { GatewayModule } from '../gateway.module';
import { ApiRoutes } from './api-routes';

/** Every controller the gateway registers: its own and those of the modules it imports (health, metrics). */
function controllersOf(module: unknown): Type[] {
  const own = (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module as object) as Type[] | undefined) ?? [];
  const imports = (Reflect.getMetadata(MODULE_METADATA.IMPORTS, module as object) as unknown[] | undefined) ?? [];
  const dynamic = imports.flatMap((m) => ((m as { controllers?: Type[] }).controllers ?? []));
  return [...own, ...dynamic];
}

const join = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p.length > 0).join('/')}`;

/** `GET /v1/tickets/{id}` for each HTTP handler, read from Nest's route metadata. */
function registeredRoutes(): string[] {
  const routes: string[] = [];
  for (const controller of controllersOf(GatewayModule)) {
    const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined ?? '/'].flat();
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const paths = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined ?? '/'].flat();
      for (const b of base) {
        for (const p of paths) routes.push(`${RequestMethod[method]} ${join(b, p).replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
      }
    }
  }
  return routes.sort();
}

describe('the route table (http/api-routes.ts)', () => {
  const documented = Object.values(ApiRoutes).map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();

  it('documents exactly the routes the gateway controllers register (a new route needs an entry, or this fails)', () => {
    const registered = registeredRoutes();
    expect(registered).toContain('POST /v1/tickets');
    expect(registered).toContain('GET /health');
    expect(registered).toEqual(documented);
  });

  it('marks public exactly the paths ApiKeyGuard lets through without a key', () => {
    const publicRoutes = Object.values(ApiRoutes).filter((r) => 'public' in r).map((r) => r.path);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_PATHS].sort());
  });

  it('has unique operation ids', () => {
    const ids = Object.values(ApiRoutes).map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
