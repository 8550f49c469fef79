package dev.tlctl.sandbox;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A cron schedule as Railway's docs define it (docs.railway.com/cron-jobs): five fields (minute
 * hour day-of-month month day-of-week, 0 and 7 both Sunday) of integers, {@code *}, lists,
 * ranges and steps, evaluated in UTC; every two consecutive runs of a day, and the last run of a
 * day and the first of the next, at least 5 minutes apart. Names (MON, JAN) are not in Railway's
 * grammar and are refused.
 */
record Cron(String text, BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays,
            boolean anyDay, boolean anyWeekday) {
    static final int MIN_GAP_MINUTES = 5;
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
    private static final String[] NAMES = {"minute", "hour", "day of the month", "month", "day of the week"};
    /** How far ahead nextRun looks before deciding a schedule never runs (February 30th). */
    private static final int MAX_DAYS_AHEAD = 4 * 366 + 1;

    /** Parses and checks a schedule; a SandboxException says what is wrong. */
    static Cron parse(String text) {
        String[] fields = text == null ? new String[0] : text.trim().split("\\s+");
        if (fields.length != 5 || text.isBlank()) {
            throw invalid(text, "expected 5 fields (minute hour day-of-month month day-of-week), found "
                    + (text == null || text.isBlank() ? 0 : fields.length));
        }
        BitSet[] sets = new BitSet[5];
        for (int i = 0; i < 5; i++) {
            sets[i] = field(text, fields[i], i);
        }
        if (sets[4].get(7)) {
            sets[4].set(0);
            sets[4].clear(7);
        }
        Cron cron = new Cron(text, sets[0], sets[1], sets[2], sets[3], sets[4],
                fields[2].startsWith("*"), fields[4].startsWith("*"));
        cron.checkGaps();
        return cron;
    }

    private static BitSet field(String text, String field, int index) {
        int min = RANGES[index][0];
        int max = RANGES[index][1];
        BitSet set = new BitSet();
        for (String part : field.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(text, part.substring(slash + 1), index, 1, max);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] bounds = range.split("-", -1);
                if (bounds.length != 2) {
                    throw invalid(text, "\"" + part + "\" is not a range such as 1-5 in the " + NAMES[index] + " field");
                }
                from = number(text, bounds[0], index, min, max);
                to = number(text, bounds[1], index, min, max);
                if (to < from) {
                    throw invalid(text, "the range " + range + " in the " + NAMES[index] + " field ends before it starts");
                }
            } else {
                from = number(text, range, index, min, max);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                set.set(value);
            }
        }
        return set;
    }

    private static int number(String text, String value, int index, int min, int max) {
        if (!value.matches("\\d{1,2}")) {
            throw invalid(text, "\"" + value + "\" is not a number in the " + NAMES[index] + " field (" + RANGES[index][0]
                    + "-" + RANGES[index][1] + ")");
        }
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            throw invalid(text, number + " is out of range for the " + NAMES[index] + " field (" + min + "-" + max + ")");
        }
        return number;
    }

    /** Railway's frequency rule, on the runs of one day taken as a cycle. */
    private void checkGaps() {
        List<Integer> times = new ArrayList<>();
        for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
            for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                times.add(hour * 60 + minute);
            }
        }
        for (int i = 0; i < times.size(); i++) {
            int current = times.get(i);
            int next = i + 1 < times.size() ? times.get(i + 1) : times.get(0) + 24 * 60;
            if (next - current < MIN_GAP_MINUTES) {
                throw invalid(text, "runs at " + clock(current) + " and " + clock(next % (24 * 60)) + " UTC are only "
                        + (next - current) + " minute" + (next - current == 1 ? "" : "s")
                        + " apart; every two consecutive runs must be at least " + MIN_GAP_MINUTES + " minutes apart");
            }
        }
    }

    private static String clock(int minuteOfDay) {
        return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    private static SandboxException invalid(String text, String why) {
        return new SandboxException("Invalid cron schedule \"" + text + "\": " + why);
    }

    /** The first run strictly after {@code now}, or null when the schedule never runs (such as on February 30th). */
    Instant nextRun(Instant now) {
        ZonedDateTime start = now.atZone(ZoneOffset.UTC).withSecond(0).withNano(0).plusMinutes(1);
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            if (!runsOn(day)) {
                continue;
            }
            int from = i == 0 ? start.getHour() * 60 + start.getMinute() : 0;
            for (int hour = hours.nextSetBit(from / 60); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                int firstMinute = hour == from / 60 && i == 0 ? from % 60 : 0;
                int minute = minutes.nextSetBit(firstMinute);
                if (minute >= 0) {
                    return day.atTime(LocalTime.of(hour, minute)).toInstant(ZoneOffset.UTC);
                }
            }
        }
        return null;
    }

    /** Cron's rule: when both day fields are restricted, a day matching either runs. */
    private boolean runsOn(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dayMatches = days.get(day.getDayOfMonth());
        boolean weekdayMatches = weekdays.get(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue());
        if (anyDay && anyWeekday) {
            return true;
        }
        if (anyDay) {
            return weekdayMatches;
        }
        if (anyWeekday) {
            return dayMatches;
        }
        return dayMatches || weekdayMatches;
    }
}
