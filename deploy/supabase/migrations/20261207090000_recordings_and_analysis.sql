-- Call recordings with the caller's consent, their retention, erasure on request, and the
-- post-call analysis stored on each call.
--
--   recordings: one row per recording Twilio holds for us (calls recorded with consent, and
--     voicemails, listed by a trigger), with the consent proof (when, how). A row goes when the
--     recording is deleted at Twilio (retention or erasure).
--   calls: the caller's recording decision (given, declined, no_answer) with its time and how it
--     was given, and the analysis (jsonb, written whole or not at all) with its status, model and
--     token cost.
--
-- Functions (service role only, through PostgREST /rest/v1/rpc/...):
--   recording_consent, recording_requested, recording_started, recording_start_failed,
--   recording_status, recordings_for_calls, recording_by_sid, recordings_expire,
--   recording_deleted, transcripts_expire, erase_recorded_data, call_analysis_save,
--   call_analysis_mark, call_insights, call_sentiment_by_day.
-- Running it twice changes nothing.

create table if not exists public.recordings (
  id             uuid primary key default gen_random_uuid(),
  recording_sid  text unique,
  call_sid       text not null,
  kind           text not null default 'call' check (kind in ('call', 'voicemail')),
  status         text not null default 'requested' check (status in
    ('requested', 'in-progress', 'paused', 'stopped', 'completed', 'absent', 'failed',
     'deleting')),
  channels       smallint,
  duration_s     integer check (duration_s is null or duration_s >= 0),
  consent_at     timestamptz not null,
  consent_method text not null check (consent_method in
    ('key', 'speech', 'announcement', 'voicemail')),
  error          text,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);

create index if not exists recordings_call_sid_idx on public.recordings (call_sid);
create index if not exists recordings_created_at_idx on public.recordings (created_at);

alter table public.calls
  add column if not exists recording_consent text,
  add column if not exists recording_consent_at timestamptz,
  add column if not exists recording_consent_method text,
  add column if not exists analysis jsonb,
  add column if not exists analysis_status text,
  add column if not exists analysis_model text,
  add column if not exists analysis_usage jsonb,
  add column if not exists analysis_cost_usd numeric(12, 6),
  add column if not exists analysis_error text,
  add column if not exists analyzed_at timestamptz;

do $$ begin
  if not exists (select 1 from pg_constraint where conname = 'calls_recording_consent_check') then
    alter table public.calls add constraint calls_recording_consent_check
      check (recording_consent in ('given', 'declined', 'no_answer'));
  end if;
  if not exists (select 1 from pg_constraint where conname = 'calls_analysis_status_check') then
    alter table public.calls add constraint calls_analysis_status_check
      check (analysis_status in ('pending', 'done', 'skipped', 'failed', 'erased'));
  end if;
end $$;

create index if not exists calls_follow_up_idx on public.calls (ended_at desc)
  where (analysis ->> 'follow_up') = 'true';

-- a voicemail's recording is listed with the others; leaving a message is the caller's consent
create or replace function public.voicemails_list_recording()
returns trigger language plpgsql set search_path = '' as $$
begin
  insert into public.recordings (recording_sid, call_sid, kind, status, duration_s, consent_at,
                                 consent_method, created_at)
  values (new.recording_sid, coalesce(new.call_sid, ''), 'voicemail', 'completed', new.duration_s,
          new.created_at, 'voicemail', new.created_at)
  on conflict (recording_sid) do update
    set duration_s = coalesce(excluded.duration_s, public.recordings.duration_s),
        updated_at = now();
  return new;
end $$;

drop trigger if exists voicemails_list_recording on public.voicemails;
create trigger voicemails_list_recording after insert or update of duration_s
  on public.voicemails for each row execute function public.voicemails_list_recording();

insert into public.recordings (recording_sid, call_sid, kind, status, duration_s, consent_at,
                               consent_method, created_at)
  select v.recording_sid, coalesce(v.call_sid, ''), 'voicemail', 'completed', v.duration_s,
         v.created_at, 'voicemail', v.created_at
    from public.voicemails v
  on conflict (recording_sid) do nothing;

------------------------------------------------------------------------------------------------
-- consent and recordings
------------------------------------------------------------------------------------------------
create or replace function public.recording_consent(
  p_call_sid text, p_decision text, p_method text, p_at timestamptz)
returns boolean language plpgsql set search_path = '' as $$
begin
  insert into public.calls (call_sid, recording_consent, recording_consent_method,
                            recording_consent_at)
  values (p_call_sid, p_decision, p_method, p_at)
  on conflict (call_sid) do update
    set recording_consent = excluded.recording_consent,
        recording_consent_method = excluded.recording_consent_method,
        recording_consent_at = excluded.recording_consent_at;
  return true;
end $$;

create or replace function public.recording_requested(
  p_call_sid text, p_consent_at timestamptz, p_method text)
returns uuid language sql set search_path = '' as $$
  insert into public.recordings (call_sid, kind, status, consent_at, consent_method)
  values (p_call_sid, 'call', 'requested', p_consent_at, p_method)
  returning id;
$$;

create or replace function public.recording_started(
  p_id uuid, p_recording_sid text, p_status text, p_channels integer default null)
returns boolean language plpgsql set search_path = '' as $$
begin
  update public.recordings
     set recording_sid = p_recording_sid, status = p_status, channels = p_channels,
         updated_at = now()
   where id = p_id;
  return found;
end $$;

create or replace function public.recording_start_failed(p_id uuid, p_error text)
returns boolean language plpgsql set search_path = '' as $$
begin
  update public.recordings set status = 'failed', error = left(p_error, 500), updated_at = now()
   where id = p_id;
  return found;
end $$;

-- Twilio's status callback; a recording being deleted keeps that status
create or replace function public.recording_status(
  p_recording_sid text, p_call_sid text, p_status text, p_duration_s integer default null,
  p_channels integer default null)
returns boolean language plpgsql set search_path = '' as $$
begin
  update public.recordings
     set status = case when status = 'deleting' then status else p_status end,
         duration_s = coalesce(p_duration_s, duration_s),
         channels = coalesce(p_channels, channels), updated_at = now()
   where recording_sid = p_recording_sid and call_sid = p_call_sid;
  return found;
end $$;

create or replace function public.recordings_for_calls(p_call_sids text[])
returns setof public.recordings language sql stable set search_path = '' as $$
  select * from public.recordings where call_sid = any(p_call_sids)
   order by created_at, id;
$$;

create or replace function public.recording_by_sid(p_recording_sid text)
returns setof public.recordings language sql stable set search_path = '' as $$
  select * from public.recordings where recording_sid = p_recording_sid;
$$;

------------------------------------------------------------------------------------------------
-- retention
------------------------------------------------------------------------------------------------
-- Recordings made before p_before: marked deleting and returned for deletion at Twilio (again on
-- the next run until deleted); ones Twilio never created are removed at once.
create or replace function public.recordings_expire(p_before timestamptz, p_limit integer)
returns table (recording_sid text) language plpgsql set search_path = '' as $$
#variable_conflict use_column
begin
  delete from public.recordings where recording_sid is null and created_at < p_before;
  return query
  with due as (
    select r.id from public.recordings r
     where r.created_at < p_before and r.recording_sid is not null
     order by r.created_at limit p_limit
  )
  update public.recordings r set status = 'deleting', updated_at = now()
    from due where r.id = due.id
  returning r.recording_sid;
end $$;

-- Twilio no longer has it: the row goes, and the voicemail's link to it
create or replace function public.recording_deleted(p_recording_sid text)
returns boolean language plpgsql set search_path = '' as $$
begin
  update public.voicemails set recording_url = null where recording_sid = p_recording_sid;
  delete from public.recordings where recording_sid = p_recording_sid;
  return found;
end $$;

-- Transcripts (and what was collected, and the analysis' words) of calls that started before
-- p_before, and voicemails' transcriptions; returns how many rows changed
create or replace function public.transcripts_expire(p_before timestamptz)
returns integer language plpgsql set search_path = '' as $$
declare
  calls_cleared integer;
  voicemails_cleared integer;
begin
  update public.calls
     set transcript = null, collected = null, assistant_state = null,
         analysis = case when analysis is null then null
                         else analysis - 'summary' - 'follow_up_reason' end
   where coalesce(started_at, ended_at) < p_before
     and (transcript is not null or collected is not null or assistant_state is not null
          or analysis ? 'summary');
  get diagnostics calls_cleared = row_count;
  update public.voicemails set transcription = null
   where created_at < p_before and transcription is not null;
  get diagnostics voicemails_cleared = row_count;
  return calls_cleared + voicemails_cleared;
end $$;

------------------------------------------------------------------------------------------------
-- erasure on request
------------------------------------------------------------------------------------------------
-- Everything recorded about a phone number, an e-mail address, an entry and its call: the calls'
-- and voicemails' words and numbers, their analyses, the messages sent and the jobs waiting to
-- send or analyse; the recordings are marked deleting and their SIDs returned, for deletion at
-- Twilio.
create or replace function public.erase_recorded_data(
  p_phone text default null, p_email text default null, p_waitlist_id uuid default null,
  p_call_sid text default null)
returns table (recording_sid text) language plpgsql set search_path = '' as $$
#variable_conflict use_column
declare
  sids text[];
begin
  select coalesce(array_agg(distinct s), '{}') into sids from (
    select c.call_sid s from public.calls c
     where (p_phone is not null and c.from_number = p_phone)
        or (p_waitlist_id is not null and c.waitlist_id = p_waitlist_id)
        or (p_call_sid is not null and c.call_sid = p_call_sid)
    union
    select v.call_sid from public.voicemails v
     where v.call_sid is not null
       and ((p_phone is not null and v.from_number = p_phone)
         or (p_call_sid is not null and v.call_sid = p_call_sid))
  ) x;

  update public.calls
     set transcript = null, collected = null, assistant_state = null, from_number = null,
         analysis = null, analysis_error = null,
         analysis_status = case when analysis_status is null then null else 'erased' end
   where call_sid = any(sids);
  update public.voicemails set transcription = null, recording_url = null, from_number = null
   where call_sid = any(sids);
  delete from public.messages
   where (p_waitlist_id is not null and waitlist_id = p_waitlist_id)
      or destination in (p_phone, p_email);
  delete from public.jobs
   where status in ('queued', 'dead')
     and ((p_waitlist_id is not null and payload ->> 'waitlist_id' = p_waitlist_id::text)
       or payload ->> 'destination' in (p_phone, p_email)
       or payload ->> 'call_sid' = any(sids));
  delete from public.recordings where call_sid = any(sids) and recording_sid is null;

  return query
  update public.recordings set status = 'deleting', updated_at = now()
   where call_sid = any(sids) and recording_sid is not null
  returning recording_sid;
end $$;

------------------------------------------------------------------------------------------------
-- analysis
------------------------------------------------------------------------------------------------
-- The analysis, written whole with its model and cost
create or replace function public.call_analysis_save(
  p_call_sid text, p_analysis jsonb, p_model text, p_usage jsonb default null,
  p_cost_usd numeric default null)
returns boolean language plpgsql set search_path = '' as $$
begin
  update public.calls
     set analysis = p_analysis, analysis_status = 'done', analysis_model = p_model,
         analysis_usage = p_usage, analysis_cost_usd = p_cost_usd, analysis_error = null,
         analyzed_at = now()
   where call_sid = p_call_sid and analysis_status is distinct from 'erased';
  return found;
end $$;

-- pending, skipped or failed: never an analysis half-written
create or replace function public.call_analysis_mark(
  p_call_sid text, p_status text, p_error text default null)
returns boolean language plpgsql set search_path = '' as $$
begin
  update public.calls
     set analysis_status = p_status, analysis_error = left(p_error, 500),
         analysis = case when p_status = 'done' then analysis else null end,
         analyzed_at = case when p_status = 'pending' then analyzed_at else now() end
   where call_sid = p_call_sid and analysis_status is distinct from 'erased';
  return found;
end $$;

-- Calls with their analysis and consent, newest first: one call (p_call_sid), the follow-up
-- queue (p_follow_up_only), or all
create or replace function public.call_insights(
  p_call_sid text default null, p_follow_up_only boolean default false,
  p_offset integer default 0, p_limit integer default 50)
returns table (
  call_sid text, from_number text, started_at timestamptz, ended_at timestamptz, path text,
  outcome text, waitlist_id uuid, cost_usd numeric, recording_consent text,
  recording_consent_at timestamptz, recording_consent_method text, analysis jsonb,
  analysis_status text, analysis_model text, analysis_usage jsonb, analysis_cost_usd numeric,
  analysis_error text, analyzed_at timestamptz)
language sql stable set search_path = '' as $$
  select c.call_sid, c.from_number, c.started_at, c.ended_at, c.path, c.outcome, c.waitlist_id,
         c.cost_usd, c.recording_consent, c.recording_consent_at, c.recording_consent_method,
         c.analysis, c.analysis_status, c.analysis_model, c.analysis_usage, c.analysis_cost_usd,
         c.analysis_error, c.analyzed_at
    from public.calls c
   where (p_call_sid is null or c.call_sid = p_call_sid)
     and (not coalesce(p_follow_up_only, false) or (c.analysis ->> 'follow_up') = 'true')
   order by coalesce(c.started_at, c.ended_at) desc nulls last, c.call_sid
   offset greatest(coalesce(p_offset, 0), 0) limit least(greatest(coalesce(p_limit, 50), 1), 500);
$$;

-- Average sentiment of the analysed calls per day (UTC) in [p_from, p_to)
create or replace function public.call_sentiment_by_day(p_from timestamptz, p_to timestamptz)
returns table (day date, calls bigint, sentiment numeric)
language sql stable set search_path = '' as $$
  select (coalesce(c.started_at, c.ended_at) at time zone 'UTC')::date, count(*),
         round(avg((c.analysis ->> 'sentiment')::numeric), 3)
    from public.calls c
   where c.analysis_status = 'done' and c.analysis ? 'sentiment'
     and coalesce(c.started_at, c.ended_at) >= p_from
     and coalesce(c.started_at, c.ended_at) < p_to
   group by 1 order by 1;
$$;

------------------------------------------------------------------------------------------------
-- access: the service role only
------------------------------------------------------------------------------------------------
alter table public.recordings enable row level security;
revoke all on table public.recordings from anon, authenticated;
grant select, insert, update, delete on table public.recordings to service_role;

do $$
declare
  f text;
begin
  foreach f in array array[
    'recording_consent(text, text, text, timestamptz)',
    'recording_requested(text, timestamptz, text)',
    'recording_started(uuid, text, text, integer)',
    'recording_start_failed(uuid, text)',
    'recording_status(text, text, text, integer, integer)',
    'recordings_for_calls(text[])',
    'recording_by_sid(text)',
    'recordings_expire(timestamptz, integer)',
    'recording_deleted(text)',
    'transcripts_expire(timestamptz)',
    'erase_recorded_data(text, text, uuid, text)',
    'call_analysis_save(text, jsonb, text, jsonb, numeric)',
    'call_analysis_mark(text, text, text)',
    'call_insights(text, boolean, integer, integer)',
    'call_sentiment_by_day(timestamptz, timestamptz)',
    'voicemails_list_recording()']
  loop
    execute format('revoke execute on function public.%s from public, anon, authenticated', f);
    execute format('grant execute on function public.%s to service_role', f);
  end loop;
end $$;

notify pgrst, 'reload schema';
