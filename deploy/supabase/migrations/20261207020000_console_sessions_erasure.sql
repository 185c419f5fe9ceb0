-- The operator console's sign-outs, shared by every replica of ivr-service, and erasure that
-- reaches an entry's calls.
--
-- A console sign-in is a signed cookie any replica accepts on its own; signing out records the
-- sign-in's id here until the cookie would have expired, and every replica refuses a recorded one.
--   console_revoked_sessions              sign-ins ended before their expiry (no personal data)
--   console_revoke_session(p_session_id, p_expires_at) -> boolean   true when newly recorded;
--                                         forgets revocations that have expired
--   console_session_revoked(p_session_id) -> boolean
--   console_erase_entry(p_id, p_operator, p_reason)   as before, but clears the entry's calls and
--                                         voicemails before the row goes: deleting it first set
--                                         calls.waitlist_id to null (on delete set null), so the
--                                         calls linked only by that column kept their transcripts
-- RLS on, the service role only. Running it twice changes nothing.

create table if not exists public.console_revoked_sessions (
  session_id text primary key,
  expires_at timestamptz not null
);
create index if not exists console_revoked_sessions_expires_idx
  on public.console_revoked_sessions (expires_at);

create or replace function public.console_revoke_session(p_session_id text, p_expires_at timestamptz)
returns boolean language plpgsql set search_path = '' as $$
begin
  delete from public.console_revoked_sessions where expires_at <= now();
  insert into public.console_revoked_sessions (session_id, expires_at)
    values (p_session_id, p_expires_at)
    on conflict (session_id) do nothing;
  return found;
end $$;

create or replace function public.console_session_revoked(p_session_id text)
returns boolean language sql stable set search_path = '' as $$
  select exists (select 1 from public.console_revoked_sessions where session_id = p_session_id)
$$;

create or replace function public.console_erase_entry(p_id uuid, p_operator text, p_reason text)
returns boolean language plpgsql set search_path = '' as $$
declare
  sid text;
begin
  select w.call_sid into sid from public.waitlist w where w.id = p_id for update;
  if not found then
    return false;
  end if;
  update public.calls
    set transcript = null, collected = null, assistant_state = null, from_number = null
    where waitlist_id = p_id or (sid is not null and call_sid = sid);
  update public.voicemails
    set transcription = null, recording_url = null, from_number = null
    where sid is not null and call_sid = sid;
  delete from public.waitlist where id = p_id;
  insert into public.admin_audit (operator, action, target, detail)
    values (p_operator, 'erase', p_id::text, p_reason);
  return true;
end $$;

alter table public.console_revoked_sessions enable row level security;
revoke all on table public.console_revoked_sessions from anon, authenticated;
grant select, insert, delete on table public.console_revoked_sessions to service_role;

revoke execute on function public.console_revoke_session(text, timestamptz)
  from public, anon, authenticated;
revoke execute on function public.console_session_revoked(text) from public, anon, authenticated;
grant execute on function public.console_revoke_session(text, timestamptz) to service_role;
grant execute on function public.console_session_revoked(text) to service_role;

notify pgrst, 'reload schema';
