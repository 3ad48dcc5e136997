import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, ModulesContainer, Reflector } from '@nestjs/core';
import { ROLES, type Role } from '@allmende/contracts';
import { IS_PUBLIC, REQUIRED_ROLES } from '../src/common/auth/decorators';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { api, login } from './support/http';
import { Access, ROUTE_PERMISSIONS } from './route-permissions';
import { startTestApp, TestApp } from './support/test-app';

interface DiscoveredRoute {
  key: string;
  access: Access;
}

const join = (...parts: string[]) => '/' + parts.map((p) => p.replace(/^\/|\/$/g, '')).filter(Boolean).join('/');

/** Every HTTP route of the app with the access its decorators give it. */
function discoverRoutes(t: TestApp): DiscoveredRoute[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const reflector = t.app.get(Reflector);
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!controller) continue;
    const base: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]) ?? false;
      const roles = reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, [handler, controller]);
      routes.push({
        key: `${method} ${join('api', base, path)}`,
        access: isPublic ? 'public' : roles?.length ? [...roles].sort() : 'signed-in',
      });
    }
  }
  return routes;
}

const normalise = (a: Access): Access => (Array.isArray(a) ? [...a].sort() : a);
const ZERO_UUID = '00000000-0000-4000-8000-000000000000';
const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, ZERO_UUID);

describe('route permissions', () => {
  let t: TestApp;
  let routes: DiscoveredRoute[];
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.ds, 'allmende-demo');
    routes = discoverRoutes(t);
    tokens.member = (await login(t.url, 'member@allmende.example')).token;
    tokens.researcher = (await login(t.url, 'researcher@allmende.example')).token;
    tokens.moderator = (await login(t.url, 'office@allmende.example')).token;
    tokens.admin = (await login(t.url, 'admin@allmende.example')).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists every route in the permission table, and nothing else', () => {
    const discovered = routes.map((r) => r.key).sort();
    expect(discovered).toEqual(Object.keys(ROUTE_PERMISSIONS).sort());
  });

  it('gives each route exactly the access the table says', () => {
    for (const r of routes) {
      expect({ route: r.key, access: r.access }).toEqual({ route: r.key, access: normalise(ROUTE_PERMISSIONS[r.key]) });
    }
  });

  it('refuses anonymous callers on every route that is not public (401)', async () => {
    for (const [key, access] of Object.entries(ROUTE_PERMISSIONS)) {
      if (access === 'public') continue;
      const [method, path] = key.split(' ');
      const res = await api(t.url, method, concrete(path), { body: method === 'GET' ? undefined : {} });
      expect({ key, status: res.status }).toEqual({ key, status: 401 });
    }
  });

  it('refuses roles not in the list (403) and lets listed roles past the guard', async () => {
    for (const [key, access] of Object.entries(ROUTE_PERMISSIONS)) {
      if (!Array.isArray(access)) continue;
      const [method, path] = key.split(' ');
      for (const role of ROLES) {
        const res = await api(t.url, method, concrete(path), { token: tokens[role], body: method === 'GET' ? undefined : {} });
        if (access.includes(role)) {
          // past the guard: the answer is about the (empty) input or the unknown id, never about the role
          expect({ key, role, status: [401, 403].includes(res.status) }).toEqual({ key, role, status: false });
        } else {
          expect({ key, role, status: res.status }).toEqual({ key, role, status: 403 });
        }
      }
    }
  });
});
