-- MasseurMatch Voice waitlist: the waitlist, calls and voicemails tables (docs/data.md).
--
-- Applies to a fresh database and also upgrades the original deployment's table
--   waitlist (id uuid default uuid_generate_v4(), full_name, phone, email, role,
--             created_at timestamp, updated_at timestamp)
-- in place, without losing a row:
--   * timestamps without time zone are read as UTC;
--   * e-mails are trimmed and lower-cased, roles lower-cased and mapped to therapist/client,
--     North American phone numbers with punctuation rewritten as E.164;
--   * rows whose e-mail repeats a newer row's are moved to waitlist_legacy_duplicates;
--   * rules that old rows may break (E.164 phone, role values, required fields) are added as
--     NOT VALID constraints, enforced for every new or changed row, and validated when the
--     existing rows already satisfy them.
-- Running it twice changes nothing.

-- Validates a constraint when the existing rows allow it; otherwise leaves it NOT VALID.
create or replace function pg_temp.try_validate(tbl regclass, con text) returns void
language plpgsql as $$
begin
  execute format('alter table %s validate constraint %I', tbl, con);
exception
  when check_violation or not_null_violation then
    raise notice 'constraint % on % left NOT VALID: existing rows break it', con, tbl;
end $$;

-- Adds a constraint unless one of that name exists on the table.
create or replace function pg_temp.add_constraint(tbl regclass, con text, definition text)
returns void language plpgsql as $$
begin
  if not exists (select 1 from pg_constraint where conrelid = tbl and conname = con) then
    execute format('alter table %s add constraint %I %s', tbl, con, definition);
  end if;
end $$;

------------------------------------------------------------------------------------------------
-- waitlist
------------------------------------------------------------------------------------------------
create table if not exists public.waitlist (
  id         uuid primary key default gen_random_uuid(),
  full_name  text,
  phone      text,
  email      text,
  role       text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

alter table public.waitlist alter column id set default gen_random_uuid();
alter table public.waitlist add column if not exists source text;
alter table public.waitlist add column if not exists call_sid text;

do $$
declare
  col text;
begin
  foreach col in array array['created_at', 'updated_at'] loop
    if exists (
      select 1 from information_schema.columns
      where table_schema = 'public' and table_name = 'waitlist' and column_name = col
        and data_type = 'timestamp without time zone') then
      execute format(
        'alter table public.waitlist alter column %I type timestamptz using %I at time zone ''UTC''',
        col, col);
    end if;
  end loop;
end $$;

update public.waitlist set created_at = coalesce(created_at, updated_at, now())
  where created_at is null;
update public.waitlist set updated_at = coalesce(updated_at, created_at)
  where updated_at is null;
alter table public.waitlist alter column created_at set default now();
alter table public.waitlist alter column created_at set not null;
alter table public.waitlist alter column updated_at set default now();
alter table public.waitlist alter column updated_at set not null;

-- original rows came in over the phone
update public.waitlist set source = 'phone' where source is null;
alter table public.waitlist alter column source set not null;

update public.waitlist set email = lower(btrim(email))
  where email is distinct from lower(btrim(email));
update public.waitlist set full_name = btrim(full_name)
  where full_name is distinct from btrim(full_name);
update public.waitlist set role = case
    when lower(role) ~ '(therap|masseu|lmt|provider|practitioner)' then 'therapist'
    when lower(role) ~ '(client|customer|patient)' then 'client'
    else lower(btrim(role))
  end
  where role is not null and role not in ('therapist', 'client');

-- North American numbers written with punctuation become E.164; anything else is left as it is.
update public.waitlist set phone = case
    when regexp_replace(phone, '\D', '', 'g') ~ '^[2-9][0-9]{9}$'
      then '+1' || regexp_replace(phone, '\D', '', 'g')
    else '+' || regexp_replace(phone, '\D', '', 'g')
  end
  where phone !~ '^\+[1-9][0-9]{6,14}$'
    and regexp_replace(phone, '\D', '', 'g') ~ '^([2-9][0-9]{9}|1[2-9][0-9]{9})$';

-- One row per e-mail: keep the most recently updated, archive the others (nothing is deleted).
create table if not exists public.waitlist_legacy_duplicates (
  id          uuid primary key,
  full_name   text,
  phone       text,
  email       text,
  role        text,
  source      text,
  call_sid    text,
  created_at  timestamptz,
  updated_at  timestamptz,
  archived_at timestamptz not null default now()
);

with ranked as (
  select id, row_number() over (
      partition by email order by updated_at desc, created_at desc, id) as rank
  from public.waitlist
  where email is not null
), moved as (
  delete from public.waitlist w using ranked r
  where w.id = r.id and r.rank > 1
  returning w.id, w.full_name, w.phone, w.email, w.role, w.source, w.call_sid, w.created_at,
            w.updated_at
)
insert into public.waitlist_legacy_duplicates
  (id, full_name, phone, email, role, source, call_sid, created_at, updated_at)
select * from moved;

select pg_temp.add_constraint('public.waitlist', 'waitlist_email_key', 'unique (email)');
select pg_temp.add_constraint('public.waitlist', 'waitlist_email_lower_check',
  'check (email = lower(email) and email like ''%_@_%'') not valid');
select pg_temp.add_constraint('public.waitlist', 'waitlist_source_check',
  'check (source in (''phone'', ''web'', ''voicemail'', ''fallback''))');
select pg_temp.add_constraint('public.waitlist', 'waitlist_required_check',
  'check (full_name is not null and btrim(full_name) <> '''' and phone is not null'
  || ' and email is not null and role is not null) not valid');
select pg_temp.add_constraint('public.waitlist', 'waitlist_role_check',
  'check (role in (''therapist'', ''client'')) not valid');
select pg_temp.add_constraint('public.waitlist', 'waitlist_phone_e164_check',
  'check (phone ~ ''^\+[1-9][0-9]{6,14}$'') not valid');
select pg_temp.try_validate('public.waitlist', 'waitlist_email_lower_check');
select pg_temp.try_validate('public.waitlist', 'waitlist_required_check');
select pg_temp.try_validate('public.waitlist', 'waitlist_role_check');
select pg_temp.try_validate('public.waitlist', 'waitlist_phone_e164_check');

create index if not exists waitlist_created_at_idx on public.waitlist (created_at desc);
create index if not exists waitlist_role_idx on public.waitlist (role);

create or replace function public.set_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end $$;

drop trigger if exists waitlist_set_updated_at on public.waitlist;
create trigger waitlist_set_updated_at
  before update on public.waitlist
  for each row when (old.* is distinct from new.*)   -- an identical replay changes nothing
  execute function public.set_updated_at();

------------------------------------------------------------------------------------------------
-- calls
------------------------------------------------------------------------------------------------
create table if not exists public.calls (
  call_sid    text primary key,
  from_number text,
  started_at  timestamptz,
  ended_at    timestamptz,
  path        text check (path in ('realtime', 'fallback', 'scripted', 'transfer', 'voicemail')),
  outcome     text check (outcome in
                ('signed_up', 'abandoned', 'transferred', 'voicemail', 'failed')),
  waitlist_id uuid references public.waitlist (id) on delete set null,
  transcript  jsonb,
  usage       jsonb,
  cost_usd    numeric(12, 6) check (cost_usd >= 0)
);
create index if not exists calls_started_at_idx on public.calls (started_at desc);
create index if not exists calls_waitlist_id_idx on public.calls (waitlist_id);

------------------------------------------------------------------------------------------------
-- voicemails
------------------------------------------------------------------------------------------------
create table if not exists public.voicemails (
  id            uuid primary key default gen_random_uuid(),
  call_sid      text,
  from_number   text,
  recording_sid text not null,
  recording_url text,
  duration_s    integer check (duration_s >= 0),
  transcription text,
  created_at    timestamptz not null default now(),
  constraint voicemails_recording_sid_key unique (recording_sid)
);
create index if not exists voicemails_created_at_idx on public.voicemails (created_at desc);

------------------------------------------------------------------------------------------------
-- stats for the admin pages: one row per (role, source)
------------------------------------------------------------------------------------------------
create or replace function public.waitlist_stats()
returns table (role text, source text, entries bigint)
language sql stable set search_path = '' as $$
  select w.role, w.source, count(*) from public.waitlist w group by w.role, w.source
$$;

------------------------------------------------------------------------------------------------
-- access: RLS on, nothing for anon or authenticated, explicit grants to service_role
------------------------------------------------------------------------------------------------
alter table public.waitlist enable row level security;
alter table public.waitlist_legacy_duplicates enable row level security;
alter table public.calls enable row level security;
alter table public.voicemails enable row level security;

revoke all on table public.waitlist, public.waitlist_legacy_duplicates, public.calls,
  public.voicemails from anon, authenticated;
grant select, insert, update, delete on table public.waitlist, public.calls, public.voicemails
  to service_role;
grant select on table public.waitlist_legacy_duplicates to service_role;

revoke execute on function public.waitlist_stats() from public, anon, authenticated;
grant execute on function public.waitlist_stats() to service_role;
revoke execute on function public.set_updated_at() from public, anon, authenticated;

notify pgrst, 'reload schema';
