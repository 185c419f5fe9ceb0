-- Admin search on the waitlist, through PostgREST as an RPC.
--
-- The admin list searches for the text an operator typed as a case-insensitive substring of the
-- name, e-mail or phone. PostgREST's `ilike` filter cannot say that: it turns every `*` into the
-- LIKE wildcard `%` and has no way to escape `%`, `_` or `*`, so "50%" or "ann_lee" matched far
-- more than typed. This function escapes the LIKE wildcards `%` and `_` and the escape character
-- `\` itself, so every character means itself, as it does on the embedded store.
--
-- Called as POST /rest/v1/rpc/search_waitlist {"search_text": "...", "role_filter": null}, with
-- PostgREST's own `order`, `limit`, `offset` and `Prefer: count=exact` applied to the rows it
-- returns. Running this file twice changes nothing.

create or replace function public.search_waitlist(search_text text, role_filter text default null)
returns setof public.waitlist
language sql stable set search_path = '' as $$
  with typed as (
    select '%' || replace(replace(replace(coalesce(search_text, ''), '\', '\\'), '%', '\%'), '_', '\_')
           || '%' as pattern
  )
  select w.*
  from public.waitlist w, typed t
  where (role_filter is null or w.role = role_filter)
    and (w.full_name ilike t.pattern escape '\'
         or w.email ilike t.pattern escape '\'
         or w.phone ilike t.pattern escape '\')
$$;

revoke execute on function public.search_waitlist(text, text) from public, anon, authenticated;
grant execute on function public.search_waitlist(text, text) to service_role;

notify pgrst, 'reload schema';
