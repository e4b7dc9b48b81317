/**
 * The SQL of payroll exports. The lines are the stored unravel lines of each declaration an export
 * holds (breakdown.days[].lines[], never computed again) followed by the day's stored allowances
 * (breakdown.days[].allowances[]: a count and no minutes; absent in declarations stored before
 * allowances existed), in the order of the export's items, then day, then line: a stable order
 * that pages and the streaming download share. A reversal (sign -1) negates minutes and counts.
 */

/** A day's minute lines, then its allowances: one list, so a line's ordinal is its place in both. */
const DAY_LINES = `COALESCE(dd.v->'lines', '[]'::jsonb) || COALESCE(dd.v->'allowances', '[]'::jsonb)`;

/** The weeks to export (see PayrollExportRepository.weeksToExport); $1 agency, $2 upTo. */
export const WEEKS_TO_EXPORT = `
  SELECT t.id AS timesheet_id, d.id AS declaration_id,
         b.declaration_id AS booked_declaration_id, b.export_id AS booked_export_id,
         EXISTS (SELECT 1 FROM payroll_export_items p
                 WHERE p.agency_id = t.agency_id AND p.timesheet_id = t.id AND p.state = 'PENDING') AS held
  FROM declarations d
  JOIN timesheets t ON t.agency_id = d.agency_id AND t.id = d.timesheet_id AND t.current_declaration_id = d.id
  LEFT JOIN LATERAL (
    SELECT i.declaration_id, i.export_id FROM payroll_export_items i
    WHERE i.agency_id = t.agency_id AND i.timesheet_id = t.id AND i.sign = 1 AND i.state = 'CONFIRMED'
      AND NOT EXISTS (SELECT 1 FROM payroll_export_items r WHERE r.declaration_id = i.declaration_id AND r.sign = -1 AND r.state = 'CONFIRMED')
  ) b ON true
  WHERE d.agency_id = $1 AND d.status = 'APPROVED' AND d.processed_at IS NULL
    AND COALESCE(d.relation_approved_at, d.corrected_at) <= $2
    AND NOT EXISTS (SELECT 1 FROM payroll_export_items h WHERE h.declaration_id = d.id AND h.sign = 1 AND h.state <> 'RELEASED')
  ORDER BY d.week_start, d.flexworker_id, d.id`;

/** Lines of declarations with a sign: $1 agency, $2 declaration ids, $3 signs. */
export const COUNT_LINES = `
  SELECT count(*)::int AS line_count, COALESCE(sum((l.v->>'minutes')::int * x.sign), 0)::bigint AS total_minutes
  FROM unnest($2::uuid[], $3::int[]) AS x(declaration_id, sign)
  JOIN declarations d ON d.agency_id = $1 AND d.id = x.declaration_id
  CROSS JOIN LATERAL jsonb_array_elements(d.breakdown->'days') AS dd(v)
  CROSS JOIN LATERAL jsonb_array_elements(${DAY_LINES}) AS l(v)`;

export const INSERT_ITEMS = `
  INSERT INTO payroll_export_items (export_id, seq, agency_id, timesheet_id, declaration_id, sign, corrects_export_id, corrects_declaration_id, state)
  SELECT $1, $3 + x.ord, $2, x.timesheet_id, x.declaration_id, x.sign, x.corrects_export_id, x.corrects_declaration_id, 'PENDING'
  FROM unnest($4::uuid[], $5::uuid[], $6::smallint[], $7::uuid[], $8::uuid[])
    WITH ORDINALITY AS x(timesheet_id, declaration_id, sign, corrects_export_id, corrects_declaration_id, ord)`;

/**
 * Every field of a line; the position (seq, day_ord, line_ord) is its key in the export. An
 * allowance has minutes 0, percentage 0 and its count; a minute line has count null.
 */
const LINE_COLUMNS = `
  i.seq, dd.ord AS day_ord, l.ord AS line_ord, i.export_id, i.sign::int AS sign, i.timesheet_id,
  d.id AS declaration_id, d.number AS declaration_number, d.week,
  l.v->>'date' AS date, l.v->>'hourCode' AS hour_code, l.v->>'kind' AS kind,
  COALESCE((l.v->>'percentage')::float8, 0) AS percentage, COALESCE((l.v->>'minutes')::int, 0) * i.sign AS minutes,
  dd.v->>'scheduleVersion' AS schedule_version,
  f.id AS flexworker_id, f.payroll_number, f.first_name || ' ' || f.last_name AS worker_name,
  p.id AS placement_id, p.cost_centre, p.purchase_order_reference,
  r.id AS relation_id, r.name AS relation_name,
  i.corrects_export_id, i.corrects_declaration_id,
  (l.v->>'count')::int * i.sign AS count`;

const LINE_SOURCE = `
  FROM payroll_export_items i
  JOIN declarations d ON d.agency_id = i.agency_id AND d.id = i.declaration_id
  JOIN flexworkers f ON f.agency_id = d.agency_id AND f.id = d.flexworker_id
  JOIN placements p ON p.agency_id = d.agency_id AND p.id = d.placement_id
  JOIN relations r ON r.agency_id = d.agency_id AND r.id = d.relation_id
  CROSS JOIN LATERAL jsonb_array_elements(d.breakdown->'days') WITH ORDINALITY AS dd(v, ord)
  CROSS JOIN LATERAL jsonb_array_elements(${DAY_LINES}) WITH ORDINALITY AS l(v, ord)`;

/** Every line of an export in order: $1 agency, $2 export. */
export const ALL_LINES = `SELECT ${LINE_COLUMNS} ${LINE_SOURCE}
  WHERE i.agency_id = $1 AND i.export_id = $2
  ORDER BY i.seq, dd.ord, l.ord`;

/**
 * The lines of the items in a range of positions (seq in ($3, $4]): $1 agency, $2 export. Each
 * statement is bounded by its range whatever plan the statistics lead to (see keysetBatches).
 */
export const LINES_OF_ITEMS = `SELECT ${LINE_COLUMNS} ${LINE_SOURCE}
  WHERE i.agency_id = $1 AND i.export_id = $2 AND i.seq > $3 AND i.seq <= $4
  ORDER BY i.seq, dd.ord, l.ord`;
