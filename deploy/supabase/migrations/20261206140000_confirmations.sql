-- Confirmations: one SMS and one e-mail after each signup, opt-outs, and changes that wait for the
-- entry's owner.
--
--   messages         every confirmation SMS and e-mail: entry, channel, destination, status
--                    (sending, retrying, sent, delivered, undelivered, failed, not_configured,
--                    opted_out, skipped), the provider's id, error code and message, attempts.
--                    dedupe_key is the job's key: one row per entry, channel and destination.
--   sms_opt_outs     numbers that texted STOP (opted_out, with the time) or START again.
--   email_opt_outs   addresses that followed the one-click unsubscribe link.
--   pending_changes  a public signup naming an e-mail already on the list with other details;
--                    applied only when the entry's owner confirms (signed e-mail link or an SMS
--                    reply CONFIRM). One per entry; a newer one replaces it.
--
--   (arguments that may be null have defaults: PostgREST callers leave null arguments out)
--   submit_waitlist_entry(full_name, phone, email, role, source, call_sid) -> (id, outcome)
--       the public channels' save: inserts a new e-mail ('created'); the same details again change
--       nothing ('unchanged'); a phone signup from the entry's own number updates it ('updated');
--       anything else becomes the entry's pending change ('pending').
--   begin_message(dedupe_key, channel, purpose, destination, waitlist_id) -> messages
--       creates the message row or counts one more attempt; a finished message is returned as is.
--   finish_message(id, status, provider_id, error_code, error)
--   record_delivery(provider_id, status, error_code) -> boolean   (Twilio's status callback)
--   apply_pending_change(id, version) -> setof waitlist
--   apply_pending_changes_for_phone(phone) -> setof waitlist
--   remove_waitlist_entry(id) -> boolean                          ("not you?")
--
-- Triggers enqueue the confirmation jobs in the same transaction as the save (enqueue_job, from
-- the jobs migration): on insert, one SMS and one e-mail; on update, only for a changed phone or
-- e-mail; on a new or changed pending change, a notice to the entry's current phone and e-mail.
-- RLS on, grants to service_role only. Running it twice changes nothing.

create table if not exists public.messages (
  id          uuid primary key default gen_random_uuid(),
  dedupe_key  text not null,
  waitlist_id uuid references public.waitlist (id) on delete set null,
  channel     text not null,
  purpose     text not null,
  destination text not null,
  status      text not null default 'sending',
  provider_id text,
  error_code  text,
  error       text,
  attempts    integer not null default 0,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  constraint messages_dedupe_key_key unique (dedupe_key),
  constraint messages_channel_check check (channel in ('sms', 'email')),
  constraint messages_purpose_check check (purpose in ('signup', 'change')),
  constraint messages_status_check check (status in ('sending', 'retrying', 'sent', 'delivered',
    'undelivered', 'failed', 'not_configured', 'opted_out', 'skipped'))
);
create index if not exists messages_created_at_idx on public.messages (created_at desc, id desc);
create index if not exists messages_provider_id_idx on public.messages (provider_id)
  where provider_id is not null;

create table if not exists public.sms_opt_outs (
  phone      text primary key,
  opted_out  boolean not null,
  keyword    text,
  changed_at timestamptz not null default now()
);

create table if not exists public.email_opt_outs (
  email        text primary key,
  opted_out_at timestamptz not null default now()
);

create table if not exists public.pending_changes (
  id          uuid primary key default gen_random_uuid(),
  waitlist_id uuid not null references public.waitlist (id) on delete cascade,
  full_name   text not null,
  phone       text not null,
  role        text not null,
  source      text not null,
  call_sid    text,
  version     text not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  constraint pending_changes_waitlist_id_key unique (waitlist_id),
  constraint pending_changes_role_check check (role in ('therapist', 'client'))
);

create or replace function public.submit_waitlist_entry(
  full_name text, phone text, email text, role text, source text default 'web',
  call_sid text default null)
returns table (id uuid, outcome text)
language plpgsql volatile set search_path = '' as $$
declare
  entry public.waitlist;
  new_version text := md5(submit_waitlist_entry.full_name || '|' || submit_waitlist_entry.phone
                          || '|' || submit_waitlist_entry.role);
begin
  insert into public.waitlist as w (full_name, phone, email, role, source, call_sid)
  values (submit_waitlist_entry.full_name, submit_waitlist_entry.phone,
          submit_waitlist_entry.email, submit_waitlist_entry.role,
          coalesce(submit_waitlist_entry.source, 'web'), submit_waitlist_entry.call_sid)
  on conflict on constraint waitlist_email_key do nothing
  returning w.* into entry;
  if entry.id is not null then
    return query select entry.id, 'created'::text;
    return;
  end if;

  select w.* into entry from public.waitlist w
   where w.email = submit_waitlist_entry.email for update;
  if entry.full_name = submit_waitlist_entry.full_name
     and entry.phone = submit_waitlist_entry.phone
     and entry.role = submit_waitlist_entry.role then
    return query select entry.id, 'unchanged'::text;
    return;
  end if;
  if submit_waitlist_entry.source in ('phone', 'fallback')
     and entry.phone = submit_waitlist_entry.phone then
    update public.waitlist w
       set full_name = submit_waitlist_entry.full_name, role = submit_waitlist_entry.role,
           source = submit_waitlist_entry.source,
           call_sid = coalesce(submit_waitlist_entry.call_sid, w.call_sid)
     where w.id = entry.id;
    return query select entry.id, 'updated'::text;
    return;
  end if;

  insert into public.pending_changes as p
    (waitlist_id, full_name, phone, role, source, call_sid, version)
  values (entry.id, submit_waitlist_entry.full_name, submit_waitlist_entry.phone,
          submit_waitlist_entry.role, coalesce(submit_waitlist_entry.source, 'web'),
          submit_waitlist_entry.call_sid, new_version)
  on conflict on constraint pending_changes_waitlist_id_key do update
     set full_name = excluded.full_name, phone = excluded.phone, role = excluded.role,
         source = excluded.source, call_sid = excluded.call_sid, version = excluded.version,
         updated_at = now()
   where p.version is distinct from excluded.version;
  return query select entry.id, 'pending'::text;
end $$;

create or replace function public.begin_message(
  dedupe_key text, channel text, purpose text, destination text, waitlist_id uuid default null)
returns setof public.messages
language plpgsql volatile set search_path = '' as $$
begin
  insert into public.messages as m (dedupe_key, waitlist_id, channel, purpose, destination)
  values (begin_message.dedupe_key, begin_message.waitlist_id, begin_message.channel,
          begin_message.purpose, begin_message.destination)
  on conflict on constraint messages_dedupe_key_key do nothing;
  return query
  update public.messages m
     set attempts = m.attempts + case when m.status in ('sending', 'retrying') then 1 else 0 end,
         updated_at = case when m.status in ('sending', 'retrying') then now() else m.updated_at end
   where m.dedupe_key = begin_message.dedupe_key
  returning m.*;
end $$;

create or replace function public.finish_message(
  id uuid, status text, provider_id text default null, error_code text default null,
  error text default null)
returns void
language sql volatile set search_path = '' as $$
  update public.messages m
     set status = finish_message.status,
         provider_id = coalesce(finish_message.provider_id, m.provider_id),
         error_code = finish_message.error_code, error = left(finish_message.error, 2000),
         updated_at = now()
   where m.id = finish_message.id;
$$;

create or replace function public.record_delivery(
  provider_id text, status text, error_code text default null)
returns boolean
language plpgsql volatile set search_path = '' as $$
begin
  if record_delivery.status not in ('delivered', 'undelivered', 'failed') then
    return false;
  end if;
  update public.messages m
     set status = record_delivery.status, error_code = record_delivery.error_code,
         updated_at = now()
   where m.provider_id = record_delivery.provider_id and m.channel = 'sms';
  return found;
end $$;

create or replace function public.apply_pending_change(id uuid, version text)
returns setof public.waitlist
language plpgsql volatile set search_path = '' as $$
declare
  change public.pending_changes;
begin
  delete from public.pending_changes p
   where p.id = apply_pending_change.id and p.version = apply_pending_change.version
  returning p.* into change;
  if change.id is null then
    return;
  end if;
  return query
  update public.waitlist w
     set full_name = change.full_name, phone = change.phone, role = change.role,
         source = change.source, call_sid = coalesce(change.call_sid, w.call_sid)
   where w.id = change.waitlist_id
  returning w.*;
end $$;

create or replace function public.apply_pending_changes_for_phone(phone text)
returns setof public.waitlist
language plpgsql volatile set search_path = '' as $$
declare
  change record;
begin
  for change in
    select p.id, p.version from public.pending_changes p
      join public.waitlist w on w.id = p.waitlist_id
     where w.phone = apply_pending_changes_for_phone.phone
       and p.updated_at > now() - interval '7 days'
  loop
    return query select * from public.apply_pending_change(change.id, change.version);
  end loop;
end $$;

create or replace function public.remove_waitlist_entry(id uuid)
returns boolean
language plpgsql volatile set search_path = '' as $$
begin
  delete from public.waitlist w where w.id = remove_waitlist_entry.id;
  return found;
end $$;

-- the confirmation jobs, enqueued in the transaction that saves the entry
create or replace function public.enqueue_confirmations() returns trigger
language plpgsql volatile set search_path = '' as $$
begin
  if tg_op = 'INSERT' or new.phone is distinct from old.phone then
    perform public.enqueue_job('confirmation.sms',
      jsonb_build_object('purpose', 'signup', 'waitlist_id', new.id, 'destination', new.phone),
      'sms:signup:' || new.id || ':' || md5(new.phone), null);
  end if;
  if tg_op = 'INSERT' or new.email is distinct from old.email then
    perform public.enqueue_job('confirmation.email',
      jsonb_build_object('purpose', 'signup', 'waitlist_id', new.id, 'destination', new.email),
      'email:signup:' || new.id || ':' || md5(new.email), null);
  end if;
  return new;
end $$;

drop trigger if exists waitlist_confirmations on public.waitlist;
create trigger waitlist_confirmations
  after insert or update of phone, email on public.waitlist
  for each row execute function public.enqueue_confirmations();

create or replace function public.enqueue_change_notices() returns trigger
language plpgsql volatile set search_path = '' as $$
declare
  owner public.waitlist;
begin
  if tg_op = 'UPDATE' and new.version = old.version then
    return new;
  end if;
  select w.* into owner from public.waitlist w where w.id = new.waitlist_id;
  perform public.enqueue_job('confirmation.sms',
    jsonb_build_object('purpose', 'change', 'waitlist_id', new.waitlist_id,
                       'destination', owner.phone, 'change_id', new.id, 'version', new.version),
    'sms:change:' || new.id || ':' || new.version, null);
  perform public.enqueue_job('confirmation.email',
    jsonb_build_object('purpose', 'change', 'waitlist_id', new.waitlist_id,
                       'destination', owner.email, 'change_id', new.id, 'version', new.version),
    'email:change:' || new.id || ':' || new.version, null);
  return new;
end $$;

drop trigger if exists pending_change_notices on public.pending_changes;
create trigger pending_change_notices
  after insert or update of version on public.pending_changes
  for each row execute function public.enqueue_change_notices();


-- access: RLS on, nothing for anon or authenticated, explicit grants to service_role
alter table public.messages enable row level security;
alter table public.sms_opt_outs enable row level security;
alter table public.email_opt_outs enable row level security;
alter table public.pending_changes enable row level security;
revoke all on table public.messages, public.sms_opt_outs, public.email_opt_outs,
  public.pending_changes from public, anon, authenticated;
grant select, insert, update, delete on table public.messages, public.sms_opt_outs,
  public.email_opt_outs, public.pending_changes to service_role;

revoke execute on function
  public.submit_waitlist_entry(text, text, text, text, text, text),
  public.begin_message(text, text, text, text, uuid),
  public.finish_message(uuid, text, text, text, text),
  public.record_delivery(text, text, text),
  public.apply_pending_change(uuid, text),
  public.apply_pending_changes_for_phone(text),
  public.remove_waitlist_entry(uuid),
  public.enqueue_confirmations(),
  public.enqueue_change_notices()
  from public, anon, authenticated;
grant execute on function
  public.submit_waitlist_entry(text, text, text, text, text, text),
  public.begin_message(text, text, text, text, uuid),
  public.finish_message(uuid, text, text, text, text),
  public.record_delivery(text, text, text),
  public.apply_pending_change(uuid, text),
  public.apply_pending_changes_for_phone(text),
  public.remove_waitlist_entry(uuid)
  to service_role;

notify pgrst, 'reload schema';
