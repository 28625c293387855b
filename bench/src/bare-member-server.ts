import Fastify from 'fastify';
import { Pool } from 'pg';

// The baseline for the gateway read: the same row fetched by the leanest stack we could run
// instead — Fastify and pg in one process, no auth, no gRPC hop, no mapping.
const databaseUrl = process.env.DATABASE_URL ?? '';
const port = Number(process.env.PORT ?? 0);
const pool = new Pool({ connectionString: databaseUrl, max: 10 });
const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/members/:id', async (request, reply) => {
  const { rows } = await pool.query('SELECT * FROM member WHERE id = $1', [request.params.id]);
  if (rows.length === 0) return reply.code(404).send({ status: 404 });
  return rows[0];
});

app.listen({ port, host: '127.0.0.1' }).then(() => process.send?.('ready'));
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
