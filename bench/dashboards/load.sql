-- Scale data for the dashboards benchmark (farmers come from `avaolo seed --farmers 10000`):
-- 1,000,000 conversations over the last 365 days (10 % pending review — 100,000, ten times the workbench goal's 10,000 —,
-- 1 % failing checks, a quarter about product rules or harvest safety, model/offline/cache answers; reviewed ones with a
-- review time up to two days later, a fifth of them corrected), 300,000 model calls,
-- and 30 days of per-minute rollups for 2 services x 25 instances (one row per metric and label: ~23,000,000 rows)
-- with their hourly merges.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

INSERT INTO conversations (thread_id, farmer_id, channel, question, answer, language, country_code, method, model, checks_passed,
                           checks, sources, tool_calls, processing_ms, language_matched, review_state, reviewed_by, reviewed_at, created_at)
WITH f AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(country_code ORDER BY id) AS cc, count(*)::int AS n FROM farmers)
SELECT gen_random_uuid(), f.ids[1 + g % f.n], (ARRAY['api','whatsapp','web'])[1 + g % 3],
       'Koliko je karenca za Prosaro u pšenici? #' || g, 'Karenca za Prosaro 250 EC u pšenici je 42 dana.',
       (ARRAY['hr','sl','bg','hu','en','de'])[1 + g % 6], f.cc[1 + g % f.n], (ARRAY['llm','llm','offline','cache'])[1 + g % 7 % 4],
       CASE WHEN g % 7 % 4 < 2 THEN 'gpt-4' END, g % 100 <> 0,
       CASE WHEN g % 100 = 0 THEN '[{"name":"privacy","passed":false}]'::jsonb ELSE '[{"name":"mango_rule","passed":true}]'::jsonb END,
       jsonb_build_array(jsonb_build_object('type', (ARRAY['field','task','material_rule','planting','harvest_safety','field','task','planting'])[1 + g % 8],
                                            'title', (ARRAY['wheat','maize','tomato','mango'])[1 + g % 4])),
       g % 4, 500 + g % 3000, g % 50 <> 0,
       CASE WHEN g % 10 = 0 THEN 'pending' WHEN g % 10 = 3 THEN 'edited' WHEN g % 10 = 7 THEN 'expert_answered' ELSE 'approved' END,
       CASE WHEN g % 10 <> 0 THEN 'bench-agronomist' END,
       CASE WHEN g % 10 <> 0 THEN now() - make_interval(secs => (g::double precision / 1000000) * 365 * 86400) + make_interval(mins => g % 2880) END,
       now() - make_interval(secs => (g::double precision / 1000000) * 365 * 86400)
FROM generate_series(1, 1000000) g, f;

INSERT INTO llm_debug_log (conversation_id, farmer_id, model, purpose, prompt_tokens, completion_tokens, latency_ms, success, tool_calls, created_at)
SELECT NULL, NULL, 'gpt-4', 'answer', 900 + g % 400, 200 + g % 150, 800 + g % 4000, g % 40 <> 0, g % 3,
       now() - make_interval(secs => (g::double precision / 300000) * 365 * 86400)
FROM generate_series(1, 300000) g;

-- One row per metric and label per instance-minute, as the telemetry pipeline writes them (~11 a minute: requests by
-- status class, the in-flight peak, CPU, memory, disk, database query time, model calls, localization).
INSERT INTO metric_minutes (minute, service, instance, metric, label, count, sum, buckets)
SELECT m, s, 'instance-' || i, x.metric, x.label, x.count, x.sum, x.buckets
FROM generate_series(date_trunc('minute', now()) - interval '30 days', date_trunc('minute', now()) - interval '1 minute', interval '1 minute')
     WITH ORDINALITY AS t(m, m_i),
     unnest(ARRAY['ava-olo-agricultural-core','ava-olo-monitoring-dashboards']) s, generate_series(1, 25) i,
     LATERAL (VALUES
       ('http.server.request.duration', '2xx', 294 - ((m_i + i) % 7 = 0)::int, 294 * 45.0,
        ARRAY[0,5,20,40,60,80,40,20,15,10,5,3,1,1,0,0,0,0,0,0,0,0,0,0,0,0]::bigint[]),
       ('http.server.request.duration', '4xx', 6, 6 * 3.0, ARRAY[0,0,6,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]::bigint[]),
       ('http.server.request.duration', '5xx', ((m_i + i) % 7 = 0)::int, 450.0, ARRAY[0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0]::bigint[]),
       ('avaolo.http.server.active_requests.peak', '', 1, (3 + i % 5)::double precision, NULL),
       ('avaolo.process.cpu_percent', '', 1, (20 + i % 30)::double precision, NULL),
       ('avaolo.process.memory_mb', '', 1, (180 + i)::double precision, NULL),
       ('avaolo.disk.used_percent', '', 1, 40.0, NULL),
       ('avaolo.db.query.duration', '', 10, 120.0, ARRAY[0,0,0,2,6,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]::bigint[]),
       ('avaolo.llm.query.duration', 'ok', 10, 15000.0, ARRAY[0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,4,2,1,1,0,0,0,0,0,0,0]::bigint[]),
       ('avaolo.localization.answers', 'matched', 9, 9.0, NULL),
       ('avaolo.localization.answers', 'missed', 1, 1.0, NULL)
     ) AS x(metric, label, count, sum, buckets)
WHERE x.count > 0;

INSERT INTO metric_hours (hour, service, metric, label, count, sum, buckets)
SELECT date_trunc('hour', minute), service, metric, label, sum(count), sum(sum), max(buckets) -- one row's buckets (a fixture, not a merge)
FROM metric_minutes GROUP BY 1, 2, 3, 4;

INSERT INTO metric_route_hours (hour, service, route, status_class, requests, latency_sum_ms, latency_buckets)
SELECT hour, service, r, c, 1000, 45000, ARRAY[0,5,20,40,60,80,40,20,15,10,5,3,1,1,0,0,0,0,0,0,0,0,0,0,0,0]::bigint[]
FROM metric_hours, unnest(ARRAY['/health','/api/v1/farmer/query','/api/v1/farmer/{id}/fields','/api/v1/farmer/{id}/tasks','/business']) r,
     unnest(ARRAY['2xx','4xx']) c
WHERE metric = 'http.server.request.duration' AND label = '2xx';

ANALYZE conversations, llm_debug_log, metric_minutes, metric_hours, metric_route_hours, farmers, fields, plantings, tasks;
