"""What tests build on, in one place; test modules import from here, never from each other.

- `personas`: the province, its two districts and their Offices, one person per role and unit
  (`build_personas`, the `people` fixture); `CAST`, the people the app worlds add, by login
  (`cast()`), so that a login has one name, post and clearance in every world; `person()` adds
  someone else with one post.
- `documents`: the document world (`DocWorld`: the personas plus the Offices' and committees'
  leaders and Châu Thành's term) and documents built through the services.
- `planning`: the planning world (`PlanWorld`: the personas plus the provincial Office and
  committee leaders a week needs, and two rooms), the week of
  13 February 2012, and programmes and weeks built through the services.
- `directives`: directives and tasks built through the services.
- `api`: callers of the JSON API with their own bearer tokens.
- `web`, `browser`: logging in and reading pages, through the test client or in chromium.
- `files`, `registers`, `factories`: small files, the registers' expectations, row factories.
"""
