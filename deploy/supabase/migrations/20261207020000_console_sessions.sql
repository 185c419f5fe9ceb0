-- The operator console's sign-outs, shared by every replica of ivr-service.
--
-- A console sign-in is a signed cookie any replica accepts on its own; signing out records the
-- sign-in's id here until the cookie would have expired, and every replica refuses a recorded one.
--   console_revoked_sessions              sign-ins ended before their expiry (no personal data)
--   console_revoke_session(p_session_id, p_expires_at) -> boolean   true when newly recorded;
--                                         forgets revocations that have expired
--   console_session_revoked(p_session_id) -> boolean
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

alter table public.console_revoked_sessions enable row level security;
revoke all on table public.console_revoked_sessions from anon, authenticated;
grant select, insert, delete on table public.console_revoked_sessions to service_role;

revoke execute on function public.console_revoke_session(text, timestamptz)
  from public, anon, authenticated;
revoke execute on function public.console_session_revoked(text) from public, anon, authenticated;
grant execute on function public.console_revoke_session(text, timestamptz) to service_role;
grant execute on function public.console_session_revoked(text) to service_role;

notify pgrst, 'reload schema';
