-- Example queries for analysts: paste into psql (or sqlite3) against a diplowatch database.

-- 1. The last 30 days of events, newest first, with how many articles reported each.
SELECT event_date, type, mode, source_name, source_country, target_name, target_country,
       mention_count, confidence, sentence, first_url
  FROM v_events
 WHERE event_date >= CURRENT_DATE - 30
 ORDER BY event_date DESC, mention_count DESC;

-- 2. Hostile acts by month and direction.
SELECT substr(CAST(event_date AS TEXT), 1, 7) AS month, source_country, target_country, type,
       COUNT(*) AS events
  FROM events
 WHERE type IN ('THREATEN', 'SANCTION', 'ACCUSE', 'COERCE', 'ASSAULT')
 GROUP BY 1, 2, 3, 4
 ORDER BY 1 DESC, 5 DESC;

-- 3. Who speaks most, per side.
SELECT speaker_country, speaker_name, COUNT(*) AS statements, SUM(mention_count) AS mentions
  FROM statements
 GROUP BY speaker_country, speaker_name
 ORDER BY statements DESC
 LIMIT 20;

-- 4. Every article that reported one event (replace 42 with the event id).
SELECT a.url, a.title, a.published_at, m.sentence
  FROM event_mentions m JOIN articles a ON a.id = m.article_id
 WHERE m.event_id = 42
 ORDER BY a.published_at;

-- 5. Feeds that are failing, and since when.
SELECT name, status, consecutive_failures, last_error, last_success_at, next_due_at
  FROM v_feed_health
 WHERE consecutive_failures > 0
 ORDER BY consecutive_failures DESC;

-- 6. Alerts that could not be delivered.
SELECT channel, rule, kind, record_id, attempts, last_error, created_at
  FROM deliveries
 WHERE status = 'failed'
 ORDER BY created_at DESC;
