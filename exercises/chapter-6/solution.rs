use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

// ANCHOR: solution
/// A weather station: it records readings and tells every attached screen about each one.
pub struct Station {
    inner: Rc<StationState>,
}

/// A screen attached to a station. It shows what it has seen since it was attached.
pub struct Screen {
    inner: Rc<ScreenState>,
}

struct StationState {
    readings: Cell<u64>,
    /// The station only *finds* its screens; whoever holds a `Screen` owns it. A strong
    /// pointer here closed the cycle station -> screen -> station.
    screens: RefCell<Vec<Weak<ScreenState>>>,
}

struct ScreenState {
    /// Owning: the spec says a screen keeps its station's state alive.
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

    /// Attaches a new screen; the station tells it about every reading while it exists.
    pub fn attach_screen(&self) -> Screen {
        let screen = Rc::new(ScreenState {
            station: Rc::clone(&self.inner),
            seen: Cell::new(0),
            highest: Cell::new(None),
        });
        self.inner.screens.borrow_mut().push(Rc::downgrade(&screen));
        Screen { inner: screen }
    }

    /// Records one reading and tells every screen that still exists.
    pub fn record(&self, value: i64) {
        self.inner.readings.set(self.inner.readings.get() + 1);
        for screen in self.inner.screens.borrow().iter().filter_map(Weak::upgrade) {
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

impl Drop for Screen {
    /// A `Weak` keeps its target's block allocated (not its value) until the `Weak` goes too,
    /// so a dropped screen takes its own entry out of the station's list at once.
    fn drop(&mut self) {
        let gone = Rc::as_ptr(&self.inner);
        self.inner
            .station
            .screens
            .borrow_mut()
            .retain(|screen| screen.as_ptr() != gone);
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

    /// How many readings its station has recorded, ever.
    pub fn station_readings(&self) -> u64 {
        self.inner.station.readings.get()
    }
}
// ANCHOR_END: solution
