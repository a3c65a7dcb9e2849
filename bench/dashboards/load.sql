-- Scale data for the dashboards benchmark (farmers come from `avaolo seed --farmers 10000`):
-- 1,000,000 conversations over the last 365 days (10 % pending review, 1 % failing checks), 300,000 model calls,
-- and 30 days of per-minute rollups for 2 services x 25 instances (2,160,000 rows) with their hourly merges.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

INSERT INTO conversations (thread_id, farmer_id, channel, question, answer, language, country_code, method, model, checks_passed,
                           checks, sources, tool_calls, processing_ms, language_matched, review_state, created_at)
WITH f AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(country_code ORDER BY id) AS cc, count(*)::int AS n FROM farmers)
SELECT gen_random_uuid(), f.ids[1 + g % f.n], (ARRAY['api','whatsapp','web'])[1 + g % 3],
       'Koliko je karenca za Prosaro u pšenici? #' || g, 'Karenca za Prosaro 250 EC u pšenici je 42 dana.',
       (ARRAY['hr','sl','bg','hu','en','de'])[1 + g % 6], f.cc[1 + g % f.n], 'llm', 'gpt-4', g % 100 <> 0,
       CASE WHEN g % 100 = 0 THEN '[{"name":"privacy","passed":false}]'::jsonb ELSE '[{"name":"mango_rule","passed":true}]'::jsonb END,
       jsonb_build_array(jsonb_build_object('type', (ARRAY['field','task','material','planting'])[1 + g % 4], 'title', 'x')),
       g % 4, 500 + g % 3000, g % 50 <> 0, CASE WHEN g % 10 = 0 THEN 'pending' ELSE 'approved' END,
       now() - make_interval(secs => (g::double precision / 1000000) * 365 * 86400)
FROM generate_series(1, 1000000) g, f;

INSERT INTO llm_debug_log (conversation_id, farmer_id, model, purpose, prompt_tokens, completion_tokens, latency_ms, success, tool_calls, created_at)
SELECT NULL, NULL, 'gpt-4', 'answer', 900 + g % 400, 200 + g % 150, 800 + g % 4000, g % 40 <> 0, g % 3,
       now() - make_interval(secs => (g::double precision / 300000) * 365 * 86400)
FROM generate_series(1, 300000) g;

INSERT INTO metric_minutes (minute, service, instance, requests, http_4xx, http_5xx, latency_sum_ms, latency_buckets, active_connections,
                            cpu_percent, memory_mb, disk_used_percent, db_connection_errors, constitutional_violations, llm_queries,
                            llm_failures, llm_latency_sum_ms, llm_latency_buckets, db_queries, db_query_sum_ms, localization_total, localization_matched)
SELECT m, s, 'instance-' || i, 300, 6, ((m_i + i) % 7 = 0)::int, 300 * 45.0,
       ARRAY[0,5,20,40,60,80,40,20,15,10,5,3,1,1,0,0,0,0,0,0,0,0,0,0,0,0]::bigint[], 3 + i % 5,
       20 + i % 30, 180 + i, 40, 0, 0, 10, 0, 15000, ARRAY[0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,4,2,1,1,0,0,0,0,0,0,0]::bigint[], 10, 120, 10, 9
FROM generate_series(date_trunc('minute', now()) - interval '30 days', date_trunc('minute', now()) - interval '1 minute', interval '1 minute')
     WITH ORDINALITY AS t(m, m_i),
     unnest(ARRAY['ava-olo-agricultural-core','ava-olo-monitoring-dashboards']) s, generate_series(1, 25) i;

INSERT INTO metric_hours (hour, service, instance_minutes, requests, http_4xx, http_5xx, latency_sum_ms, latency_buckets, active_connections_sum,
                          cpu_percent_sum, memory_mb_sum, db_connection_errors, constitutional_violations, llm_queries, llm_failures,
                          llm_latency_sum_ms, llm_latency_buckets, db_queries, db_query_sum_ms, localization_total, localization_matched)
SELECT date_trunc('hour', minute), service, count(*), sum(requests), sum(http_4xx), sum(http_5xx), sum(latency_sum_ms),
       ARRAY[0,5,20,40,60,80,40,20,15,10,5,3,1,1,0,0,0,0,0,0,0,0,0,0,0,0]::bigint[] , sum(active_connections), sum(cpu_percent), sum(memory_mb),
       0, 0, sum(llm_queries), 0, sum(llm_latency_sum_ms), ARRAY[0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,4,2,1,1,0,0,0,0,0,0,0]::bigint[],
       sum(db_queries), sum(db_query_sum_ms), sum(localization_total), sum(localization_matched)
FROM metric_minutes GROUP BY 1, 2;

INSERT INTO metric_route_hours (hour, service, route, status_class, requests, latency_sum_ms, latency_buckets)
SELECT hour, service, r, c, 1000, 45000, ARRAY[0,5,20,40,60,80,40,20,15,10,5,3,1,1,0,0,0,0,0,0,0,0,0,0,0,0]::bigint[]
FROM metric_hours, unnest(ARRAY['/health','/api/v1/farmer/query','/api/v1/farmer/{id}/fields','/api/v1/farmer/{id}/tasks','/business']) r,
     unnest(ARRAY['2xx','4xx']) c;

ANALYZE conversations, llm_debug_log, metric_minutes, metric_hours, metric_route_hours, farmers, fields, plantings, tasks;
