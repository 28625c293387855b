import Fastify from 'fastify';
import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';

// The baseline for the write benchmark: the leanest stack that makes the same row — Fastify and pg
// in one process, one transaction inserting a member copied from a template (the body of the
// request is the row), no auth, no idempotency, no gRPC hop, no audit, no outbox.
const pool = new Pool({ connectionString: process.env.DATABASE_URL ?? '', max: 10 });
const app = Fastify({ logger: false });

const INSERT = `INSERT INTO member SELECT * FROM jsonb_populate_record(NULL::member,
  $1::jsonb || jsonb_build_object('id', $2::uuid, 'pid', nextval('member_pid_seq')::text))`;

app.post<{ Body: Record<string, unknown> }>('/members', async (request, reply) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const id = randomUUID();
    await client.query(INSERT, [JSON.stringify(request.body), id]);
    await client.query('COMMIT');
    return reply.code(201).send({ id });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
});

app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' }).then(() => process.send?.('ready'));
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
