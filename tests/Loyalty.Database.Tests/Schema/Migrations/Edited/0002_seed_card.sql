-- Depends on 0001: fails unless the scripts run in version order.
insert into cards (id, holder) values (1, 'first');
