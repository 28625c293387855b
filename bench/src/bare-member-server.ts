import Fastify from 'fastify';
import { Pool } from 'pg';

// The baseline of the read benchmarks: the same rows fetched by the leanest stack we could run
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

// The roadside check does what the platform's does, leanly: the holder and its mission's name in one
// query, then the audit row of who asked (a verification is always audited).
app.get<{ Querystring: { idCard: string } }>('/verify', async (request, reply) => {
  const { rows } = await pool.query(
    `SELECT m.*, mi.name AS mission_name FROM member m JOIN mission mi ON mi.id = m.mission_id
      WHERE m.id_card_number = $1`,
    [request.query.idCard],
  );
  if (rows.length === 0) return reply.code(404).send({ status: 404 });
  await pool.query(
    `INSERT INTO audit_record (id, occurred_at, actor_subject, actor_roles, action, entity_type, entity_id, after)
     VALUES (gen_random_uuid(), now(), 'bench', '{law-enforcement}', 'id-card.verified', 'member', $1, $2)`,
    [rows[0].id, { idCardNumber: request.query.idCard, status: rows[0].status }],
  );
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
