-- The console's analytics also count calls and signups per language (calls.language, added by
-- 20261207010000_languages.sql; null for calls that recorded none). console_analytics is redefined
-- with a 'by_language' list; its grants are kept (create or replace keeps them).
create or replace function public.console_analytics(p_from timestamptz, p_to timestamptz)
returns jsonb language sql stable set search_path = '' as $$
  with c as (
    select c.started_at, c.ended_at, c.path, c.outcome, c.cost_usd, c.language
    from public.calls c
    where c.started_at >= p_from and c.started_at < p_to
  )
  select jsonb_build_object(
    'by_day', (
      select coalesce(jsonb_agg(jsonb_build_object(
               'day', d.day, 'calls', d.calls, 'signups', d.signups, 'cost_usd', d.cost)
               order by d.day), '[]'::jsonb)
      from (
        select to_char(c.started_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*) as calls,
               count(*) filter (where c.outcome = 'signed_up') as signups,
               round(coalesce(sum(c.cost_usd), 0), 6) as cost
        from c group by 1
      ) d),
    'hour_of_week', (
      select coalesce(jsonb_agg(jsonb_build_object(
               'weekday', h.weekday, 'hour', h.hour, 'calls', h.calls)
               order by h.weekday, h.hour), '[]'::jsonb)
      from (
        select extract(isodow from c.started_at at time zone 'UTC')::int - 1 as weekday,
               extract(hour from c.started_at at time zone 'UTC')::int as hour,
               count(*) as calls
        from c group by 1, 2
      ) h),
    'funnel', (
      select jsonb_build_object(
        'calls', count(*),
        'menu_choice', count(*) filter (where c.path is not null),
        'assistant', count(*) filter (where c.path in ('realtime', 'fallback', 'scripted')),
        'signed_up', count(*) filter (where c.outcome = 'signed_up'))
      from c),
    'by_path', (
      select coalesce(jsonb_agg(jsonb_build_object(
               'path', p.path, 'calls', p.calls, 'signups', p.signups) order by p.path),
             '[]'::jsonb)
      from (
        select c.path, count(*) as calls,
               count(*) filter (where c.outcome = 'signed_up') as signups
        from c where c.path is not null group by c.path
      ) p),
    'monthly', (
      select coalesce(jsonb_agg(jsonb_build_object(
               'month', m.month, 'calls', m.calls, 'seconds', m.seconds, 'cost_usd', m.cost)
               order by m.month), '[]'::jsonb)
      from (
        select to_char(c.started_at at time zone 'UTC', 'YYYY-MM') as month, count(*) as calls,
               coalesce(sum(extract(epoch from c.ended_at - c.started_at))
                 filter (where c.ended_at >= c.started_at), 0)::bigint as seconds,
               round(coalesce(sum(c.cost_usd), 0), 6) as cost
        from c group by 1
      ) m),
    'by_language', (
      select coalesce(jsonb_agg(jsonb_build_object(
               'language', l.language, 'calls', l.calls, 'signups', l.signups)
               order by l.language nulls last), '[]'::jsonb)
      from (
        select c.language, count(*) as calls,
               count(*) filter (where c.outcome = 'signed_up') as signups
        from c group by c.language
      ) l))
$$;
