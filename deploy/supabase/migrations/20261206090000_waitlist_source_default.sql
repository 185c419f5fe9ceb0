-- waitlist.source defaults to 'web', so writers of the original four-column table
--   insert into waitlist (full_name, phone, email, role) values (...)
-- (the original Vercel function, any existing web form) keep working after the upgrade.
-- Every writer in this project still names its source (phone, web, voicemail, fallback).
-- Running it twice changes nothing.
alter table public.waitlist alter column source set default 'web';

notify pgrst, 'reload schema';
