/**
 * The contact totals' backfill as migrations 003 and 005 ran it, frozen: the live code
 * (team/contactTotals.ts) may change its rules, a released migration must not. Plain SQL text, the
 * same on both dialects; channel weights as they were (visit 1, video 0.5, call 0.25, digital 0.1).
 */
const MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"];
const CHANNEL_WEIGHTS =
  "when 'visit' then 1 when 'video' then 0.5 when 'call' then 0.25 when 'digital' then 0.1";

/** Columns of the totals (migration 003): ytd_n_01, ytd_w_01, … ytd_n_12, ytd_w_12. */
export const TOTAL_COLUMNS_003: readonly string[] = MONTHS.flatMap((m) => [`ytd_n_${m}`, `ytd_w_${m}`]);

function backfill(parts: (month: string) => string): string {
  return `update clients set (${TOTAL_COLUMNS_003.join(", ")}) = (select ${MONTHS.map(parts).join(", ")} from contacts
    where contacts.client_id = clients.id and contacts.deleted = 0
      and substr(contacts.date, 1, 4) = cast(clients.year as text))`;
}

/** 003: a contact's weight is its own, else its channel's (unknown channels weigh 0); every contact counts. */
export const BACKFILL_003 = backfill((m) => {
  const w = `coalesce(weight, case channel ${CHANNEL_WEIGHTS} else 0 end)`;
  return `coalesce(sum(case when substr(date, 6, 2) <= '${m}' then 1 else 0 end), 0),
        coalesce(sum(case when substr(date, 6, 2) <= '${m}' then ${w} else 0 end), 0)`;
});

/** 005: a contact counts as the core counts it (its own weight ≥ 0, else a known channel's). */
export const BACKFILL_005 = backfill((m) => {
  const w = `coalesce(case when weight >= 0 then weight end, case channel ${CHANNEL_WEIGHTS} end)`;
  return `coalesce(sum(case when substr(date, 6, 2) <= '${m}' and ${w} is not null then 1 else 0 end), 0),
        coalesce(sum(case when substr(date, 6, 2) <= '${m}' then coalesce(${w}, 0) else 0 end), 0)`;
});
