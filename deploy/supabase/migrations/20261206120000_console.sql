-- The operator console: what its pages read and change, as functions reached through PostgREST
-- RPC (/rest/v1/rpc/<name>) with the service role. Aggregations run here, so the service never
-- loads every row. Days, months and hours of the week are counted in UTC.
--   voicemails.handled_at / handled_by   an operator marked the voicemail as dealt with
--   admin_audit                          who changed what, when and why; never personal data
-- Running it twice changes nothing.

alter table public.voicemails add column if not exists handled_at timestamptz;
alter table public.voicemails add column if not exists handled_by text;

create table if not exists public.admin_audit (
  id       bigint generated always as identity primary key,
  at       timestamptz not null default now(),
  operator text not null,
  action   text not null check (action in ('edit', 'erase', 'voicemail_handled')),
  target   text not null,
  detail   text
);
create index if not exists admin_audit_at_idx on public.admin_audit (at desc);
create index if not exists waitlist_source_idx on public.waitlist (source);
create index if not exists calls_started_path_outcome_idx on public.calls (started_at, path, outcome);

------------------------------------------------------------------------------------------------
-- overview: today (since 00:00 UTC), the last 7 and 30 days
------------------------------------------------------------------------------------------------
create or replace function public.console_overview(p_now timestamptz)
returns jsonb language sql stable set search_path = '' as $$
  with windows(ord, name, since) as (
    values (1, 'today', date_trunc('day', p_now at time zone 'UTC') at time zone 'UTC'),
           (2, '7d', p_now - interval '7 days'),
           (3, '30d', p_now - interval '30 days')
  ), recent_calls as (
    select c.started_at, c.ended_at, c.path, c.outcome, c.cost_usd
    from public.calls c
    where c.started_at >= p_now - interval '30 days' and c.started_at <= p_now
  ), recent_signups as (
    select w.created_at, w.role, w.source
    from public.waitlist w
    where w.created_at >= p_now - interval '30 days' and w.created_at <= p_now
  )
  select jsonb_build_object(
    'windows', (
      select jsonb_agg(jsonb_build_object(
        'window', win.name,
        'calls', (select count(*) from recent_calls c where c.started_at >= win.since),
        'signups', (select count(*) from recent_signups s where s.created_at >= win.since),
        'failures', (select count(*) from recent_calls c
                     where c.started_at >= win.since and c.outcome = 'failed'),
        'cost_usd', (select round(coalesce(sum(c.cost_usd), 0), 6) from recent_calls c
                     where c.started_at >= win.since),
        'median_seconds', (select percentile_disc(0.5) within group (
                             order by extract(epoch from c.ended_at - c.started_at))
                           from recent_calls c
                           where c.started_at >= win.since and c.ended_at >= c.started_at))
        order by win.ord)
      from windows win),
    'paths', (
      select coalesce(jsonb_agg(jsonb_build_object(
               'window', p.name, 'path', p.path, 'calls', p.calls, 'signups', p.signups)
               order by p.ord, p.path), '[]'::jsonb)
      from (
        select win.ord, win.name, c.path, count(*) as calls,
               count(*) filter (where c.outcome = 'signed_up') as signups
        from windows win join recent_calls c on c.started_at >= win.since
        where c.path is not null
        group by win.ord, win.name, c.path
        union all
        select win.ord, win.name, 'web', count(s.created_at), count(s.created_at)
        from windows win left join recent_signups s
          on s.created_at >= win.since and s.source = 'web'
        group by win.ord, win.name
      ) p),
    'signups_by_day', (
      select coalesce(jsonb_agg(jsonb_build_object(
               'day', d.day, 'role', d.role, 'signups', d.signups) order by d.day, d.role),
             '[]'::jsonb)
      from (
        select to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, s.role,
               count(*) as signups
        from recent_signups s
        group by 1, 2
      ) d))
$$;

------------------------------------------------------------------------------------------------
-- analytics between two instants
------------------------------------------------------------------------------------------------
create or replace function public.console_analytics(p_from timestamptz, p_to timestamptz)
returns jsonb language sql stable set search_path = '' as $$
  with c as (
    select c.started_at, c.ended_at, c.path, c.outcome, c.cost_usd
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
      ) m))
$$;

------------------------------------------------------------------------------------------------
-- changes made from the console, each with its audit line, in one transaction
------------------------------------------------------------------------------------------------

-- Rewrites an entry's four fields (already validated by the service); 'updated', 'not_found'
-- or 'email_taken'.
create or replace function public.console_update_entry(
  p_id uuid, p_full_name text, p_phone text, p_email text, p_role text, p_operator text)
returns text language plpgsql set search_path = '' as $$
declare
  changed text;
begin
  if exists (select 1 from public.waitlist where email = p_email and id <> p_id) then
    return 'email_taken';
  end if;
  select concat_ws(',',
           case when w.full_name is distinct from p_full_name then 'full_name' end,
           case when w.phone is distinct from p_phone then 'phone' end,
           case when w.email is distinct from p_email then 'email' end,
           case when w.role is distinct from p_role then 'role' end)
    into changed
    from public.waitlist w where w.id = p_id for update;
  if not found then
    return 'not_found';
  end if;
  update public.waitlist
    set full_name = p_full_name, phone = p_phone, email = p_email, role = p_role
    where id = p_id;
  insert into public.admin_audit (operator, action, target, detail)
    values (p_operator, 'edit', p_id::text, nullif(changed, ''));
  return 'updated';
end $$;

-- Erases an entry on request: the row goes, its calls keep only what has no personal data, its
-- voicemails lose recording and transcription; the audit line keeps who, when and why.
create or replace function public.console_erase_entry(p_id uuid, p_operator text, p_reason text)
returns boolean language plpgsql set search_path = '' as $$
declare
  sid text;
begin
  delete from public.waitlist where id = p_id returning call_sid into sid;
  if not found then
    return false;
  end if;
  update public.calls
    set transcript = null, collected = null, assistant_state = null, from_number = null
    where waitlist_id = p_id or (sid is not null and call_sid = sid);
  update public.voicemails
    set transcription = null, recording_url = null, from_number = null
    where sid is not null and call_sid = sid;
  insert into public.admin_audit (operator, action, target, detail)
    values (p_operator, 'erase', p_id::text, p_reason);
  return true;
end $$;

-- Marks a voicemail as dealt with; false when there is no such voicemail.
create or replace function public.console_voicemail_handled(p_id uuid, p_operator text)
returns boolean language plpgsql set search_path = '' as $$
begin
  update public.voicemails set handled_at = coalesce(handled_at, now()),
    handled_by = coalesce(handled_by, p_operator)
    where id = p_id;
  if not found then
    return false;
  end if;
  insert into public.admin_audit (operator, action, target) values (p_operator, 'voicemail_handled', p_id::text);
  return true;
end $$;

------------------------------------------------------------------------------------------------
-- access: the service role only
------------------------------------------------------------------------------------------------
alter table public.admin_audit enable row level security;
revoke all on table public.admin_audit from anon, authenticated;
grant select, insert on table public.admin_audit to service_role;

revoke execute on function public.console_overview(timestamptz) from public, anon, authenticated;
revoke execute on function public.console_analytics(timestamptz, timestamptz)
  from public, anon, authenticated;
revoke execute on function public.console_update_entry(uuid, text, text, text, text, text)
  from public, anon, authenticated;
revoke execute on function public.console_erase_entry(uuid, text, text)
  from public, anon, authenticated;
revoke execute on function public.console_voicemail_handled(uuid, text)
  from public, anon, authenticated;
grant execute on function public.console_overview(timestamptz) to service_role;
grant execute on function public.console_analytics(timestamptz, timestamptz) to service_role;
grant execute on function public.console_update_entry(uuid, text, text, text, text, text)
  to service_role;
grant execute on function public.console_erase_entry(uuid, text, text) to service_role;
grant execute on function public.console_voicemail_handled(uuid, text) to service_role;

notify pgrst, 'reload schema';
