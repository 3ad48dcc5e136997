import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { SOCKET_PATH } from '@allmende/contracts';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import { AppConfig } from '../config/app-config';

/** Origins a browser may open a socket from: the public URL, CORS_ORIGINS, and the app's own host. */
export function allowedOrigin(origin: string | undefined, host: string | undefined, config: AppConfig): boolean {
  if (!origin) return true; // not a browser (server-to-server clients send no Origin)
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const allowed = [config.env.PUBLIC_URL, ...(config.env.CORS_ORIGINS?.split(',') ?? [])]
    .filter((o): o is string => !!o)
    .map((o) => o.trim().replace(/\/$/, ''));
  return allowed.includes(parsed.origin) || (!!host && parsed.host === host);
}

/**
 * socket.io with an Origin check on every handshake: socket.io's `cors` setting
 * does not stop cross-site WebSocket hijacking, `allowRequest` does.
 */
export class RealtimeAdapter extends IoAdapter {
  private redis: { adapter: ReturnType<typeof createAdapter>; clients: ReturnType<typeof createClient>[] } | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  /** Carries broadcasts, room queries and disconnects between instances over Redis pub/sub. */
  async connectRedis(url: string): Promise<void> {
    const pub = createClient({ url });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    this.redis = { adapter: createAdapter(pub, sub), clients: [pub, sub] };
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    const clients = this.redis?.clients ?? [];
    this.redis = null;
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const server: Server = super.createIOServer(port, {
      ...options,
      path: SOCKET_PATH,
      serveClient: false,
      cors: { origin: false },
      allowRequest: (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
        const ok = allowedOrigin(req.headers.origin, req.headers.host, this.config);
        callback(ok ? null : 'origin not allowed', ok);
      },
    });
    if (this.redis) server.adapter(this.redis.adapter);
    return server;
  }
}
