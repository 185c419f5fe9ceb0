-- Experiment results per language: an experiment for one language counts only the calls in that
-- language (calls.language, added by the languages migration); an experiment for every language
-- counts all its calls.
--
--   experiment_arms(id) -> (variant, calls, signups, abandoned, median_seconds, cost_usd)
--                      as before, restricted to the experiment's language when it has one.
--
-- Running it twice changes nothing.

create or replace function public.experiment_arms(p_id uuid)
returns table (variant text, calls bigint, signups bigint, abandoned bigint,
               median_seconds double precision, cost_usd numeric)
language sql stable set search_path = '' as $$
  select c.variant,
         count(*),
         count(*) filter (where c.outcome = 'signed_up'),
         count(*) filter (where c.outcome = 'abandoned'),
         percentile_cont(0.5) within group (order by extract(epoch from c.ended_at - c.started_at))
           filter (where c.started_at is not null and c.ended_at is not null),
         coalesce(sum(coalesce(c.cost_usd, 0) + coalesce(c.chat_cost_usd, 0)), 0)
    from public.calls c
    join public.experiments e on e.id = c.experiment_id
   where c.experiment_id = p_id and c.variant is not null
     and (e.language is null or c.language = e.language)
   group by c.variant;
$$;

revoke execute on function public.experiment_arms(uuid) from public, anon, authenticated;
grant execute on function public.experiment_arms(uuid) to service_role;
