alter table cards add column tier text not null default 'basic';
