//! Chapter 6, cycles. Your exercise: make a weather station and its screens give back all of
//! their memory once nobody holds them, and keep every answer right.
//!
//! Run `cargo test -p chapter-6`. The checks tell you whether the answers are right, how many
//! bytes were live at the busiest moment, and how many were still allocated at the end.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A weather station: it records readings and tells every attached screen about each one.
///
/// ```text
/// let station = Station::new();
/// let screen = station.attach_screen();
/// station.record(12);
/// station.record(-3);
/// screen.seen() == 2, screen.highest() == Some(12), screen.station_readings() == 2
/// drop(station);                    // the screen can still answer
/// screen.station_readings() == 2
/// ```
pub struct Station {
    inner: Rc<StationState>,
}

/// A screen attached to a station. It shows what it has seen since it was attached.
pub struct Screen {
    inner: Rc<ScreenState>,
}

struct StationState {
    /// How many readings the station has recorded, ever.
    readings: Cell<u64>,
    /// The screens to tell about each reading.
    screens: RefCell<Vec<Rc<ScreenState>>>,
}

struct ScreenState {
    /// The station this screen shows: a screen can ask it for its count at any time.
    station: Rc<StationState>,
    seen: Cell<u64>,
    highest: Cell<Option<i64>>,
}

impl Station {
    /// A station with no readings and no screens.
    pub fn new() -> Station {
        Station {
            inner: Rc::new(StationState {
                readings: Cell::new(0),
                screens: RefCell::new(Vec::new()),
            }),
        }
    }

    /// Attaches a new screen. The station tells it about every reading from now on, for as long
    /// as the screen exists. The screen keeps the station's state alive: dropping the
    /// `Station` does not stop the screen from answering `station_readings`.
    pub fn attach_screen(&self) -> Screen {
        let screen = Rc::new(ScreenState {
            station: Rc::clone(&self.inner),
            seen: Cell::new(0),
            highest: Cell::new(None),
        });
        self.inner.screens.borrow_mut().push(Rc::clone(&screen));
        Screen { inner: screen }
    }

    /// Records one reading and tells every screen that still exists.
    pub fn record(&self, value: i64) {
        self.inner.readings.set(self.inner.readings.get() + 1);
        for screen in self.inner.screens.borrow().iter() {
            screen.seen.set(screen.seen.get() + 1);
            let highest = screen.highest.get().map_or(value, |h| h.max(value));
            screen.highest.set(Some(highest));
        }
    }
}

impl Default for Station {
    fn default() -> Station {
        Station::new()
    }
}

impl Screen {
    /// How many readings this screen has been told about.
    pub fn seen(&self) -> u64 {
        self.inner.seen.get()
    }

    /// The highest reading this screen has been told about; `None` before the first.
    pub fn highest(&self) -> Option<i64> {
        self.inner.highest.get()
    }

    /// How many readings its station has recorded, ever, including those from before this
    /// screen was attached.
    pub fn station_readings(&self) -> u64 {
        self.inner.station.readings.get()
    }
}
