-- Experiments: variants of Knotty's set-up (model, voice, prompt, turn detection, reply length, the
-- fallback's Chat model) tried on live calls, and which variant each call had.
--
--   experiments   name, language (null: calls in every language), status (draft, running,
--                 stopped), variants: [{"name", "weight", "settings": {...}, "paused",
--                 "paused_reason"}], the first one the control. Only status and a variant's pause
--                 change after creation.
--   calls         + experiment_id, variant: the arm the call was in (none outside experiments);
--                 + chat_usage, chat_cost_usd: the fallback assistant's Chat Completions tokens and
--                 their cost (cost_usd stays the Realtime session's).
--
--   create_experiment(name, language, variants) -> experiments
--   list_experiments() -> setof experiments                 newest first
--   get_experiment(id) -> setof experiments
--   running_experiments() -> setof experiments
--   start_experiment(id) -> setof experiments   raises 23P01 when one for the same calls runs
--   stop_experiment(id) -> setof experiments
--   pause_experiment_variant(id, variant, reason) -> setof experiments
--   experiment_arms(id) -> (variant, calls, signups, abandoned, median_seconds, cost_usd)
--
-- RLS on, grants to service_role only. Running it twice changes nothing.

create table if not exists public.experiments (
  id         uuid primary key default gen_random_uuid(),
  name       text not null check (length(name) between 1 and 200),
  language   text check (language ~ '^[a-z]{2}$'),
  status     text not null default 'draft' check (status in ('draft', 'running', 'stopped')),
  variants   jsonb not null check (jsonb_typeof(variants) = 'array'
                                   and jsonb_array_length(variants) between 2 and 10),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  stopped_at timestamptz
);
create index if not exists experiments_created_at_idx on public.experiments (created_at desc);
create index if not exists experiments_running_idx on public.experiments (status)
  where status = 'running';

-- no foreign key: a call's row must be written even if its experiment id is unknown
alter table public.calls add column if not exists experiment_id uuid;
alter table public.calls add column if not exists variant text;
alter table public.calls add column if not exists chat_usage jsonb;
alter table public.calls add column if not exists chat_cost_usd numeric(12, 6);
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'calls_chat_cost_usd_check') then
    alter table public.calls add constraint calls_chat_cost_usd_check check (chat_cost_usd >= 0);
  end if;
end $$;
create index if not exists calls_experiment_idx on public.calls (experiment_id, variant)
  where experiment_id is not null;

create or replace function public.create_experiment(
  p_name text, p_variants jsonb, p_language text default null)
returns public.experiments language sql set search_path = '' as $$
  insert into public.experiments (name, language, variants)
  values (p_name, p_language, p_variants)
  returning *;
$$;

create or replace function public.list_experiments()
returns setof public.experiments language sql stable set search_path = '' as $$
  select * from public.experiments order by created_at desc, id desc;
$$;

create or replace function public.get_experiment(p_id uuid)
returns setof public.experiments language sql stable set search_path = '' as $$
  select * from public.experiments where id = p_id;
$$;

create or replace function public.running_experiments()
returns setof public.experiments language sql stable set search_path = '' as $$
  select * from public.experiments where status = 'running' order by started_at;
$$;

create or replace function public.start_experiment(p_id uuid)
returns setof public.experiments language plpgsql set search_path = '' as $$
declare
  target public.experiments;
  other public.experiments;
begin
  -- one start at a time, so two overlapping experiments can never both pass the check
  perform pg_advisory_xact_lock(hashtext('public.start_experiment'));
  select * into target from public.experiments where id = p_id for update;
  if not found then
    return;
  end if;
  if target.status <> 'running' then
    select * into other from public.experiments e
     where e.status = 'running' and e.id <> p_id
       and (e.language is null or target.language is null or e.language = target.language)
     limit 1;
    if found then
      raise exception using errcode = '23P01',
        message = format('experiment "%s" is already running for %s; stop it first',
                         other.name, coalesce('language ' || other.language, 'every language'));
    end if;
    update public.experiments set status = 'running', started_at = coalesce(started_at, now()),
           stopped_at = null
     where id = p_id returning * into target;
  end if;
  return next target;
end $$;

create or replace function public.stop_experiment(p_id uuid)
returns setof public.experiments language sql set search_path = '' as $$
  update public.experiments
     set status = 'stopped',
         stopped_at = case when status = 'running' then now() else stopped_at end
   where id = p_id
  returning *;
$$;

create or replace function public.pause_experiment_variant(p_id uuid, p_variant text, p_reason text)
returns setof public.experiments language sql set search_path = '' as $$
  update public.experiments
     set variants = (
       select jsonb_agg(case when v ->> 'name' = p_variant
                             then v || jsonb_build_object('paused', true, 'paused_reason', p_reason)
                             else v end order by i)
         from jsonb_array_elements(variants) with ordinality as a(v, i))
   where id = p_id
  returning *;
$$;

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
   where c.experiment_id = p_id and c.variant is not null
   group by c.variant;
$$;

alter table public.experiments enable row level security;
revoke all on table public.experiments from anon, authenticated;
grant select, insert, update on table public.experiments to service_role;

revoke execute on function public.create_experiment(text, jsonb, text) from public, anon, authenticated;
revoke execute on function public.list_experiments() from public, anon, authenticated;
revoke execute on function public.get_experiment(uuid) from public, anon, authenticated;
revoke execute on function public.running_experiments() from public, anon, authenticated;
revoke execute on function public.start_experiment(uuid) from public, anon, authenticated;
revoke execute on function public.stop_experiment(uuid) from public, anon, authenticated;
revoke execute on function public.pause_experiment_variant(uuid, text, text)
  from public, anon, authenticated;
revoke execute on function public.experiment_arms(uuid) from public, anon, authenticated;
grant execute on function public.create_experiment(text, jsonb, text) to service_role;
grant execute on function public.list_experiments() to service_role;
grant execute on function public.get_experiment(uuid) to service_role;
grant execute on function public.running_experiments() to service_role;
grant execute on function public.start_experiment(uuid) to service_role;
grant execute on function public.stop_experiment(uuid) to service_role;
grant execute on function public.pause_experiment_variant(uuid, text, text) to service_role;
grant execute on function public.experiment_arms(uuid) to service_role;
