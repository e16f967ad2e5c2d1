//! Workshop plans: curated paths through the book, declared in `workbook.toml` as `[[plan]]`
//! entries (a name, the hours of a day, when lunch may start, and the chapters taught each
//! day). Every plan crosses all three parts of the talk (How memory works, Seek, Destroy);
//! the chapters it leaves out are named as reading. This module lays each day out (an
//! opening, the chapters with a break at most every [`STRETCH`] minutes, lunch, a wrap-up)
//! and `cargo xtask generate` writes the result into `chapters/workshop-plans.md`, which the
//! instructors' appendix includes. A plan that does not fit its hours fails the generation.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use serde::Deserialize;

use crate::workbook::Chapter;

/// One curated plan, as `workbook.toml` declares it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Plan {
    pub(crate) name: String,
    /// `09:00`: when each day starts.
    pub(crate) start: String,
    /// `17:00`: when each day must be over.
    pub(crate) end: String,
    /// `12:30`: lunch comes before the first chapter that would run past it.
    #[serde(default)]
    pub(crate) lunch: Option<String>,
    /// The chapters taught, day by day, in the order taught.
    pub(crate) days: Vec<Vec<u32>>,
    /// Why these chapters: one sentence for the instructor.
    pub(crate) why: String,
}

#[derive(Deserialize)]
struct PlansFile {
    #[serde(default)]
    plan: Vec<Plan>,
}

/// The `[[plan]]` entries of `workbook.toml`.
pub(crate) fn declared(root: &Path) -> anyhow::Result<Vec<Plan>> {
    let path = root.join("workbook.toml");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let file: PlansFile = toml::from_str(&text)
        .with_context(|| format!("parsing the plans of {}", path.display()))?;
    Ok(file.plan)
}

/// The longest stretch of work between two breaks.
const STRETCH: u32 = 90;
const BREAK: u32 = 15;
const LUNCH: u32 = 60;
const WRAP_UP: u32 = 10;

/// One line of a day's timetable.
#[derive(Debug, PartialEq)]
struct Slot {
    start: u32,
    minutes: u32,
    what: String,
    /// The chapter taught, if the slot is one.
    chapter: Option<u32>,
}

/// `09:05` as minutes after midnight.
fn minutes_of(clock: &str) -> anyhow::Result<u32> {
    let (hours, minutes) = clock
        .split_once(':')
        .with_context(|| format!("{clock:?} is not a time such as 09:00"))?;
    Ok(hours.parse::<u32>()? * 60 + minutes.parse::<u32>()?)
}

/// `09:05`.
fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn length(chapter: &Chapter) -> u32 {
    chapter.reading_minutes + chapter.exercise_minutes
}

/// Lays out one day: `taught` in order, from `start`, with breaks and lunch. Fails if the day
/// runs past `end`.
fn day(
    number: usize,
    taught: &[&Chapter],
    start: u32,
    end: u32,
    lunch: Option<u32>,
) -> anyhow::Result<Vec<Slot>> {
    let mut slots: Vec<Slot> = Vec::new();
    // Each slot starts where the last one ended.
    let now = |slots: &[Slot]| slots.last().map_or(start, |s| s.start + s.minutes);
    let push = |slots: &mut Vec<Slot>, minutes, what: String, chapter| {
        slots.push(Slot {
            start: now(slots),
            minutes,
            what,
            chapter,
        });
    };
    let mut since_break = 0;
    let mut lunched = lunch.is_none();
    let (opening, minutes) = if number == 1 {
        ("Welcome, and `cargo xtask preflight` on every laptop", 15)
    } else {
        (
            "Recap, and `cargo xtask progress` to see where everyone is",
            10,
        )
    };
    push(&mut slots, minutes, opening.to_owned(), None);
    since_break += minutes;
    for chapter in taught {
        let minutes = length(chapter);
        let needs_break = since_break + minutes > STRETCH;
        let pause = if needs_break { BREAK } else { 0 };
        // Lunch comes instead of a break, before the chapter that would run past its time.
        if let Some(lunch) = lunch
            && !lunched
            && now(&slots) + pause + minutes > lunch
        {
            push(&mut slots, LUNCH, "Lunch".to_owned(), None);
            lunched = true;
            since_break = 0;
        } else if needs_break {
            push(&mut slots, BREAK, "Break".to_owned(), None);
            since_break = 0;
        }
        let title = format!(
            "{}. [{}]({}/index.md)",
            chapter.number,
            crate::text::markdown_text(&chapter.title),
            chapter.slug,
        );
        push(&mut slots, minutes, title, Some(chapter.number));
        since_break += minutes;
    }
    push(
        &mut slots,
        WRAP_UP,
        "Wrap-up and questions".to_owned(),
        None,
    );
    let now = now(&slots);
    anyhow::ensure!(
        now <= end,
        "day {number} ends at {}, after {}",
        clock(now),
        clock(end)
    );
    Ok(slots)
}

/// Every day of `plan`, laid out. Fails if a chapter is unknown or taught twice, or if a day
/// does not fit.
fn lay_out(plan: &Plan, chapters: &[Chapter]) -> anyhow::Result<Vec<Vec<Slot>>> {
    let (start, end) = (minutes_of(&plan.start)?, minutes_of(&plan.end)?);
    let lunch = plan.lunch.as_deref().map(minutes_of).transpose()?;
    let mut seen = Vec::new();
    let mut days = Vec::new();
    for (index, numbers) in plan.days.iter().enumerate() {
        let mut taught = Vec::new();
        for number in numbers {
            let chapter = chapters
                .iter()
                .find(|c| c.number == *number)
                .with_context(|| format!("{}: there is no chapter {number}", plan.name))?;
            anyhow::ensure!(
                !seen.contains(number),
                "{}: chapter {number} is taught twice",
                plan.name
            );
            seen.push(*number);
            taught.push(chapter);
        }
        days.push(
            day(index + 1, &taught, start, end, lunch)
                .with_context(|| format!("the plan {:?} does not fit", plan.name))?,
        );
    }
    Ok(days)
}

/// The parts a plan's chapters cover, in book order, each with its chapters.
fn parts_covered<'a>(taught: &[u32], chapters: &'a [Chapter]) -> Vec<(&'a str, Vec<u32>)> {
    let mut parts: Vec<(&str, Vec<u32>)> = Vec::new();
    for chapter in chapters {
        if parts.last().is_none_or(|(part, _)| *part != chapter.part) {
            parts.push((&chapter.part, Vec::new()));
        }
        if taught.contains(&chapter.number) {
            parts.last_mut().expect("pushed").1.push(chapter.number);
        }
    }
    parts
}

/// `1, 3 and 5`.
fn listed(numbers: &[String]) -> String {
    match numbers {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Every declared plan, as Markdown.
pub(crate) fn plans(root: &Path, chapters: &[Chapter]) -> anyhow::Result<String> {
    render(&declared(root)?, chapters)
}

fn render(plans: &[Plan], chapters: &[Chapter]) -> anyhow::Result<String> {
    let total: u32 = chapters.iter().map(length).sum();
    let mut text = String::from(
        "<!-- Generated by `cargo xtask generate` from the [[plan]] entries of workbook.toml. -->\n",
    );
    for plan in plans {
        let days = lay_out(plan, chapters)?;
        let taught: Vec<u32> = days.iter().flatten().filter_map(|s| s.chapter).collect();
        let minutes: u32 = chapters
            .iter()
            .filter(|c| taught.contains(&c.number))
            .map(length)
            .sum();
        let span = |slots: &[Slot]| {
            let first = slots.first().map_or(0, |s| s.start);
            let last = slots.last().map_or(0, |s| s.start + s.minutes);
            format!("{}–{}", clock(first), clock(last))
        };
        let heading = match days.as_slice() {
            [only] => format!("{} ({})", plan.name, span(only)),
            _ => plan.name.clone(),
        };
        let _ = write!(text, "\n### {heading}\n\n{}\n\n", plan.why);
        let parts: Vec<String> = parts_covered(&taught, chapters)
            .into_iter()
            .map(|(part, numbers)| {
                let numbers: Vec<String> = numbers.iter().map(u32::to_string).collect();
                format!("{part} ({})", listed(&numbers))
            })
            .collect();
        let _ = write!(
            text,
            "It teaches {} chapters, {minutes} of the book's {total} minutes, across all three \
             parts: {}.",
            taught.len(),
            listed(&parts)
        );
        let reading: Vec<String> = chapters
            .iter()
            .filter(|c| !taught.contains(&c.number))
            .map(|c| {
                format!(
                    "{}. [{}]({}/index.md)",
                    c.number,
                    crate::text::markdown_text(&c.title),
                    c.slug
                )
            })
            .collect();
        if reading.is_empty() {
            text.push_str(" It leaves no chapter out.\n");
        } else {
            let _ = writeln!(
                text,
                " Attendees read the others at home: {}.",
                listed(&reading)
            );
        }
        for (index, slots) in days.iter().enumerate() {
            if days.len() > 1 {
                let _ = write!(text, "\n**Day {} ({})**\n", index + 1, span(slots));
            }
            text.push_str("\n| time | session | min |\n|---|---|---:|\n");
            for slot in slots {
                let _ = writeln!(
                    text,
                    "| {} | {} | {} |",
                    clock(slot.start),
                    slot.what,
                    slot.minutes
                );
            }
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapters(minutes: &[(u32, u32)]) -> Vec<Chapter> {
        minutes
            .iter()
            .enumerate()
            .map(|(i, &(reading, exercise))| Chapter {
                number: i as u32 + 1,
                slug: format!("{:02}-c", i + 1),
                title: format!("C{}", i + 1),
                talk: String::new(),
                part: ["A", "B", "C"][i * 3 / minutes.len()].to_owned(),
                reading_minutes: reading,
                exercise_minutes: exercise,
                written: true,
            })
            .collect()
    }

    fn plan(days: Vec<Vec<u32>>, end: &str, lunch: Option<&str>) -> Plan {
        Plan {
            name: "P".into(),
            start: "09:00".into(),
            end: end.into(),
            lunch: lunch.map(str::to_owned),
            days,
            why: "Why.".into(),
        }
    }

    #[test]
    fn the_times_add_up_with_breaks_and_one_lunch() {
        let book = chapters(&[(15, 15); 9]);
        let days = lay_out(
            &plan(
                vec![vec![1, 2, 3, 4, 5, 6, 7, 8, 9]],
                "17:00",
                Some("12:00"),
            ),
            &book,
        )
        .unwrap();
        let day = &days[0];
        for pair in day.windows(2) {
            assert_eq!(pair[0].start + pair[0].minutes, pair[1].start, "{day:?}");
        }
        assert_eq!(day.iter().filter(|s| s.what == "Lunch").count(), 1);
        let mut stretch = 0;
        for slot in day {
            if slot.what == "Break" || slot.what == "Lunch" {
                stretch = 0;
            } else {
                stretch += slot.minutes;
                assert!(stretch <= STRETCH + WRAP_UP, "{day:?}");
            }
        }
        let lunch = day.iter().find(|s| s.what == "Lunch").unwrap();
        assert!(lunch.start <= 12 * 60, "{day:?}");
    }

    #[test]
    fn a_plan_that_does_not_fit_or_repeats_fails() {
        let book = chapters(&[(15, 15); 9]);
        assert!(lay_out(&plan(vec![vec![1, 2, 3, 4, 5, 6, 7]], "12:30", None), &book).is_err());
        assert!(lay_out(&plan(vec![vec![1], vec![1]], "12:30", None), &book).is_err());
        assert!(lay_out(&plan(vec![vec![10]], "12:30", None), &book).is_err());
    }

    #[test]
    fn the_left_out_chapters_are_named_as_reading() {
        let book = chapters(&[(15, 15); 9]);
        let text = render(&[plan(vec![vec![1, 4, 7]], "12:30", None)], &book).unwrap();
        assert!(text.contains("### P (09:00–11:10)"), "{text}");
        assert!(
            text.contains("across all three parts: A (1), B (4) and C (7)"),
            "{text}"
        );
        assert!(text.contains("2. [C2](02-c/index.md)"), "{text}");
    }

    /// The workbook's own plans: three, each through all three parts, within its hours, and
    /// every chapter either taught or named as reading.
    #[test]
    fn the_workbooks_plans_cross_every_part_and_fit() {
        let root = crate::root();
        let book = crate::workbook::chapters(&root).unwrap();
        let plans = declared(&root).unwrap();
        assert_eq!(plans.len(), 3);
        for plan in &plans {
            let days = lay_out(plan, &book).unwrap();
            let taught: Vec<u32> = days.iter().flatten().filter_map(|s| s.chapter).collect();
            let parts = parts_covered(&taught, &book);
            assert_eq!(parts.len(), 3, "{}", plan.name);
            assert!(
                parts.iter().all(|(_, numbers)| !numbers.is_empty()),
                "{}: {parts:?}",
                plan.name
            );
            let end = minutes_of(&plan.end).unwrap();
            let lunch_time = plan.lunch.as_deref().map(|l| minutes_of(l).unwrap());
            for day in &days {
                for lunch in day.iter().filter(|s| s.what == "Lunch") {
                    assert!(lunch.start <= lunch_time.unwrap(), "{}: {day:?}", plan.name);
                }
                for pair in day.windows(2) {
                    assert_eq!(pair[0].start + pair[0].minutes, pair[1].start);
                }
                let last = day.last().unwrap();
                assert!(last.start + last.minutes <= end, "{}", plan.name);
            }
        }
        let text = render(&plans, &book).unwrap();
        for chapter in &book {
            let link = format!("]({}/index.md)", chapter.slug);
            assert_eq!(text.matches(&link).count(), 3, "chapter {}", chapter.number);
        }
    }
}
