-- Languages: the language a caller or visitor signed up in, and the language of each call.
--
--   waitlist.language  'en' | 'es' | 'fr', default 'en' (writers that leave it out keep working);
--                      confirmations, SMS replies and e-mails use it.
--   calls.language     the language the caller chose ('en' | 'es' | 'fr'), null for calls that
--                      never reached the menu.
--   submit_waitlist_entry(full_name, phone, email, role, source, call_sid, language) -> (id, outcome)
--                      as before, with the entry's language: stored on a new entry and on an
--                      update from the entry's own number.
--
-- Running it twice changes nothing.

alter table public.waitlist add column if not exists language text not null default 'en';
alter table public.calls add column if not exists language text;

do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'waitlist_language_check') then
    alter table public.waitlist add constraint waitlist_language_check
      check (language in ('en', 'es', 'fr'));
  end if;
  if not exists (select 1 from pg_constraint where conname = 'calls_language_check') then
    alter table public.calls add constraint calls_language_check
      check (language is null or language in ('en', 'es', 'fr'));
  end if;
end $$;

create index if not exists waitlist_language_idx on public.waitlist (language);

drop function if exists public.submit_waitlist_entry(text, text, text, text, text, text);

create or replace function public.submit_waitlist_entry(
  full_name text, phone text, email text, role text, source text default 'web',
  call_sid text default null, language text default 'en')
returns table (id uuid, outcome text)
language plpgsql volatile set search_path = '' as $$
declare
  entry public.waitlist;
  new_version text := md5(submit_waitlist_entry.full_name || '|' || submit_waitlist_entry.phone
                          || '|' || submit_waitlist_entry.role);
  lang text := coalesce(submit_waitlist_entry.language, 'en');
begin
  insert into public.waitlist as w (full_name, phone, email, role, source, call_sid, language)
  values (submit_waitlist_entry.full_name, submit_waitlist_entry.phone,
          submit_waitlist_entry.email, submit_waitlist_entry.role,
          coalesce(submit_waitlist_entry.source, 'web'), submit_waitlist_entry.call_sid, lang)
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
           call_sid = coalesce(submit_waitlist_entry.call_sid, w.call_sid),
           language = lang
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

revoke execute on function public.submit_waitlist_entry(text, text, text, text, text, text, text)
  from public, anon, authenticated;
grant execute on function public.submit_waitlist_entry(text, text, text, text, text, text, text)
  to service_role;

notify pgrst, 'reload schema';
