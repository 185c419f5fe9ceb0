-- Background jobs that run exactly once across replicas.
--
--   enqueue_job(kind, payload, dedupe_key, run_at) -> uuid
--       adds a job; a second call with the same dedupe_key returns the existing job's id.
--   claim_jobs(worker, kinds, max_jobs, lease_seconds) -> setof jobs
--       takes up to max_jobs due jobs of those kinds (FOR UPDATE SKIP LOCKED, so two workers
--       never get the same job), counts an attempt and leases each to the worker for
--       lease_seconds. A running job whose lease has expired (its worker died) is due again; one
--       that has used all its attempts that way ends dead instead.
--   complete_job(id, worker) -> boolean
--   fail_job(id, worker, error, retry_at) -> boolean
--       false when the worker no longer holds the job (another worker claimed it after the lease
--       expired, or it is no longer running). A failure with attempts left puts the job back for
--       retry_at (now when null); the last allowed failure ends it dead with its error.
--   retry_job(id) -> boolean
--       puts a dead job back with a fresh set of attempts; false when the job is not dead.
--   job_stats() -> (due, running, dead)
--       counts for metrics and readiness.
--
-- Reached through PostgREST (/rest/v1/rpc/...) with the service role only; RLS is on and nothing
-- is granted to anon or authenticated. Running it twice changes nothing.

create table if not exists public.jobs (
  id           uuid primary key default gen_random_uuid(),
  kind         text not null,
  payload      jsonb not null default '{}'::jsonb,
  dedupe_key   text,
  status       text not null default 'queued',
  attempts     integer not null default 0,
  max_attempts integer not null default 8,
  run_at       timestamptz not null default now(),
  locked_by    text,
  locked_until timestamptz,
  last_error   text,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  finished_at  timestamptz,
  constraint jobs_kind_check check (kind ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  constraint jobs_status_check check (status in ('queued', 'running', 'done', 'dead')),
  constraint jobs_attempts_check check (attempts >= 0 and max_attempts >= 1),
  constraint jobs_running_check check (
    status <> 'running' or (locked_by is not null and locked_until is not null)),
  constraint jobs_dedupe_key_key unique (dedupe_key)
);

create index if not exists jobs_due_idx on public.jobs (kind, run_at)
  where status = 'queued';
create index if not exists jobs_leased_idx on public.jobs (kind, locked_until)
  where status = 'running';
create index if not exists jobs_dead_idx on public.jobs (updated_at desc)
  where status = 'dead';

create or replace function public.enqueue_job(
  kind text, payload jsonb default '{}'::jsonb, dedupe_key text default null,
  run_at timestamptz default null)
returns uuid
language plpgsql volatile set search_path = '' as $$
declare
  job_id uuid;
begin
  insert into public.jobs (kind, payload, dedupe_key, run_at)
  values (enqueue_job.kind, coalesce(enqueue_job.payload, '{}'::jsonb), enqueue_job.dedupe_key,
          coalesce(enqueue_job.run_at, now()))
  on conflict on constraint jobs_dedupe_key_key do nothing
  returning id into job_id;
  if job_id is null then
    select j.id into job_id from public.jobs j where j.dedupe_key = enqueue_job.dedupe_key;
  end if;
  return job_id;
end $$;

create or replace function public.claim_jobs(
  worker text, kinds text[], max_jobs integer default 10, lease_seconds integer default 300)
returns setof public.jobs
language plpgsql volatile set search_path = '' as $$
begin
  if worker is null or btrim(worker) = '' then
    raise exception using errcode = '22023', message = 'worker is required';
  end if;
  if max_jobs is null or max_jobs < 1 or max_jobs > 100 then
    raise exception using errcode = '22023', message = 'max_jobs must be between 1 and 100';
  end if;
  if lease_seconds is null or lease_seconds < 1 or lease_seconds > 86400 then
    raise exception using errcode = '22023',
      message = 'lease_seconds must be between 1 and 86400';
  end if;

  -- a job whose worker died on its last allowed attempt does not run again
  update public.jobs j
     set status = 'dead', locked_by = null, locked_until = null, finished_at = now(),
         updated_at = now(),
         last_error = coalesce(j.last_error || '; ', '') || 'lease of ' || j.locked_by
           || ' expired on attempt ' || j.attempts
   where j.id in (
     select x.id from public.jobs x
      where x.status = 'running' and x.locked_until < now() and x.attempts >= x.max_attempts
        and x.kind = any(claim_jobs.kinds)
      for update skip locked);

  return query
  with due as (
    select x.id from public.jobs x
     where x.kind = any(claim_jobs.kinds)
       and ((x.status = 'queued' and x.run_at <= now())
         or (x.status = 'running' and x.locked_until < now()))
     order by x.run_at, x.created_at
     limit claim_jobs.max_jobs
     for update skip locked
  )
  update public.jobs j
     set status = 'running', attempts = j.attempts + 1, locked_by = claim_jobs.worker,
         locked_until = now() + make_interval(secs => claim_jobs.lease_seconds),
         updated_at = now()
    from due
   where j.id = due.id
  returning j.*;
end $$;

create or replace function public.complete_job(id uuid, worker text)
returns boolean
language plpgsql volatile set search_path = '' as $$
begin
  update public.jobs j
     set status = 'done', locked_by = null, locked_until = null, finished_at = now(),
         updated_at = now()
   where j.id = complete_job.id and j.status = 'running' and j.locked_by = complete_job.worker;
  return found;
end $$;

create or replace function public.fail_job(
  id uuid, worker text, error text, retry_at timestamptz default null)
returns boolean
language plpgsql volatile set search_path = '' as $$
begin
  update public.jobs j
     set status = case when j.attempts >= j.max_attempts then 'dead' else 'queued' end,
         run_at = case when j.attempts >= j.max_attempts then j.run_at
                       else coalesce(fail_job.retry_at, now()) end,
         finished_at = case when j.attempts >= j.max_attempts then now() end,
         last_error = left(coalesce(fail_job.error, 'failed'), 2000),
         locked_by = null, locked_until = null, updated_at = now()
   where j.id = fail_job.id and j.status = 'running' and j.locked_by = fail_job.worker;
  return found;
end $$;

create or replace function public.retry_job(id uuid)
returns boolean
language plpgsql volatile set search_path = '' as $$
begin
  update public.jobs j
     set status = 'queued', attempts = 0, run_at = now(), finished_at = null, updated_at = now()
   where j.id = retry_job.id and j.status = 'dead';
  return found;
end $$;

create or replace function public.job_stats()
returns table (due bigint, running bigint, dead bigint)
language sql stable set search_path = '' as $$
  select count(*) filter (where j.status = 'queued' and j.run_at <= now()),
         count(*) filter (where j.status = 'running'),
         count(*) filter (where j.status = 'dead')
    from public.jobs j
   where j.status in ('queued', 'running', 'dead');
$$;

-- access: RLS on, nothing for anon or authenticated, explicit grants to service_role
alter table public.jobs enable row level security;
revoke all on table public.jobs from public, anon, authenticated;
grant select, insert, update, delete on table public.jobs to service_role;

revoke execute on function public.enqueue_job(text, jsonb, text, timestamptz),
  public.claim_jobs(text, text[], integer, integer), public.complete_job(uuid, text),
  public.fail_job(uuid, text, text, timestamptz), public.retry_job(uuid), public.job_stats()
  from public, anon, authenticated;
grant execute on function public.enqueue_job(text, jsonb, text, timestamptz),
  public.claim_jobs(text, text[], integer, integer), public.complete_job(uuid, text),
  public.fail_job(uuid, text, text, timestamptz), public.retry_job(uuid), public.job_stats()
  to service_role;

notify pgrst, 'reload schema';
