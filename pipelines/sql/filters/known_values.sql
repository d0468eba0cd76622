-- The filter values the warehouse knows, as the filters read them (stg_jobs, stg_applications,
-- f_compensation.sql): the departments and levels of the jobs and of the pay rows, the sources of the
-- applications, and the level aliases a --level may be given as. The CLI refuses any other value,
-- naming these (issue 17).
SELECT 'department' AS dimension, department AS value FROM stg_jobs WHERE department IS NOT NULL
UNION SELECT 'department', department FROM compensation WHERE department IS NOT NULL
UNION SELECT 'level', level FROM stg_jobs WHERE level IS NOT NULL
UNION SELECT 'level', coalesce(l.level, lower(trim(c.level))) FROM compensation c
  LEFT JOIN ref_level l ON l.alias_key = lower(trim(c.level)) WHERE c.level IS NOT NULL
UNION SELECT 'source', source FROM stg_applications
UNION SELECT 'recruiter', recruiter FROM stg_jobs WHERE recruiter IS NOT NULL
UNION SELECT 'hiring_manager', hiring_manager FROM stg_jobs WHERE hiring_manager IS NOT NULL
UNION SELECT 'level-alias', alias_key FROM ref_level
ORDER BY dimension, value;
