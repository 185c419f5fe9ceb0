-- Calls remember what the caller has told us so far, for the fallback assistant and operators:
--   collected        normalised signup fields gathered so far (full_name, phone, email, role)
--   assistant_state  the fallback assistant's conversation between two webhooks
-- Running it twice changes nothing.
alter table public.calls add column if not exists collected jsonb;
alter table public.calls add column if not exists assistant_state jsonb;

notify pgrst, 'reload schema';
