//! Where initiatives are: their coordinates (`coordonnees`, "lat,lon") on a
//! flat projection of the territory, for the map. Equirectangular: longitude
//! scaled by the cosine of the territory's middle latitude, so a kilometre
//! east is as long as a kilometre north — Brest looks like Brest.

use std::collections::HashMap;

use crate::census::model::{Census, Initiative};
use crate::census::search::fold;
use crate::census::value::geo_point;

/// The field holding the coordinates.
pub const COORDINATES: &str = "coordonnees";

/// An initiative with coordinates, projected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Located {
    /// Index into `census.initiatives`.
    pub index: usize,
    pub lat: f64,
    pub lon: f64,
    /// Projected position: `x` east, `y` north, both in degrees of latitude.
    pub x: f64,
    pub y: f64,
}

/// A rectangle of the projected plane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
}

impl Bounds {
    pub fn width(&self) -> f64 {
        self.east - self.west
    }

    pub fn height(&self) -> f64 {
        self.north - self.south
    }

    /// The same centre, enlarged on one side so that `width / height` is
    /// `ratio` (never shrunk).
    pub fn with_ratio(&self, ratio: f64) -> Bounds {
        let (w, h) = (self.width(), self.height());
        if !(ratio.is_finite() && ratio > 0.0) || w <= 0.0 || h <= 0.0 {
            return *self;
        }
        let (cx, cy) = (
            (self.west + self.east) / 2.0,
            (self.south + self.north) / 2.0,
        );
        let (w, h) = if w / h < ratio {
            (h * ratio, h)
        } else {
            (w, w / ratio)
        };
        Bounds {
            west: cx - w / 2.0,
            east: cx + w / 2.0,
            south: cy - h / 2.0,
            north: cy + h / 2.0,
        }
    }

    /// Whether a point is inside (edges included).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        (self.west..=self.east).contains(&x) && (self.south..=self.north).contains(&y)
    }
}

/// The initiatives of a list placed on the plane, and how many of the list
/// have no (valid) coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub points: Vec<Located>,
    pub missing: usize,
    /// Cosine of the middle latitude: the projection's scale of longitude.
    pub scale: f64,
    /// The points' bounding box with a margin; never empty (a single point,
    /// or identical ones, get a box around them).
    pub bounds: Bounds,
}

/// Smallest half-size of the box, in degrees (about 500 m): a single point
/// is shown with some land around it.
const MIN_HALF: f64 = 0.005;
/// Margin around the points, as a share of the box.
const MARGIN: f64 = 0.05;

/// The coordinates of an initiative, if it has valid ones.
pub fn coordinates(i: &Initiative) -> Option<(f64, f64)> {
    geo_point(i.value(COORDINATES)?).ok()
}

impl Placed {
    /// Places the initiatives of `rows` (indexes into the census).
    pub fn new(census: &Census, rows: &[usize]) -> Placed {
        let mut raw = Vec::with_capacity(rows.len());
        let mut missing = 0;
        for &index in rows {
            match census.initiatives.get(index).and_then(coordinates) {
                Some((lat, lon)) => raw.push((index, lat, lon)),
                None => missing += 1,
            }
        }
        let (lo, hi) = raw.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
            (lo.min(p.1), hi.max(p.1))
        });
        let scale = if raw.is_empty() {
            1.0
        } else {
            ((lo + hi) / 2.0).to_radians().cos().max(0.01)
        };
        let points: Vec<Located> = raw
            .into_iter()
            .map(|(index, lat, lon)| Located {
                index,
                lat,
                lon,
                x: lon * scale,
                y: lat,
            })
            .collect();
        let bounds = bounds_of(&points);
        Placed {
            points,
            missing,
            scale,
            bounds,
        }
    }

    /// The point nearest to `(x, y)` on the plane (the first one on a tie).
    pub fn nearest(&self, x: f64, y: f64) -> Option<&Located> {
        self.points.iter().fold(None, |best: Option<&Located>, p| {
            let d = (p.x - x).powi(2) + (p.y - y).powi(2);
            match best {
                Some(b) if (b.x - x).powi(2) + (b.y - y).powi(2) <= d => Some(b),
                _ => Some(p),
            }
        })
    }

    /// The communes of the points, each at the centre of its initiatives,
    /// with how many there are: most first, then by name. The name shown is
    /// the first spelling met.
    pub fn commune_centres(&self, census: &Census) -> Vec<(String, f64, f64, usize)> {
        // A name is folded once per spelling, not once per point.
        let mut by_spelling: HashMap<&str, usize> = HashMap::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut communes: Vec<(String, f64, f64, usize)> = Vec::new();
        for p in &self.points {
            let Some(name) = census.initiatives[p.index].value("commune") else {
                continue;
            };
            let k = *by_spelling.entry(name).or_insert_with(|| {
                let next = communes.len();
                let k = *by_key.entry(fold(name)).or_insert(next);
                if k == next {
                    communes.push((name.to_string(), 0.0, 0.0, 0));
                }
                k
            });
            let e = &mut communes[k];
            e.1 += p.x;
            e.2 += p.y;
            e.3 += 1;
        }
        let mut out: Vec<(String, f64, f64, usize)> = communes
            .into_iter()
            .map(|(name, x, y, n)| (name, x / n as f64, y / n as f64, n))
            .collect();
        out.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(&b.0)));
        out
    }
}

fn bounds_of(points: &[Located]) -> Bounds {
    if points.is_empty() {
        return Bounds {
            west: -MIN_HALF,
            east: MIN_HALF,
            south: -MIN_HALF,
            north: MIN_HALF,
        };
    }
    let mut b = Bounds {
        west: f64::MAX,
        east: f64::MIN,
        south: f64::MAX,
        north: f64::MIN,
    };
    for p in points {
        b.west = b.west.min(p.x);
        b.east = b.east.max(p.x);
        b.south = b.south.min(p.y);
        b.north = b.north.max(p.y);
    }
    let half_w = (b.width() / 2.0 * (1.0 + 2.0 * MARGIN)).max(MIN_HALF);
    let half_h = (b.height() / 2.0 * (1.0 + 2.0 * MARGIN)).max(MIN_HALF);
    let (cx, cy) = ((b.west + b.east) / 2.0, (b.south + b.north) / 2.0);
    Bounds {
        west: cx - half_w,
        east: cx + half_w,
        south: cy - half_h,
        north: cy + half_h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::AgentId;
    use crate::census::id::InitiativeId;
    use crate::census::model::Value;
    use crate::census::time::Timestamp;

    fn census(points: &[(&str, Option<&str>)]) -> Census {
        let mut c = Census::new("Test", "communs-numeriques", 1);
        let author = AgentId::parse("alice").unwrap();
        for (n, (commune, at)) in points.iter().enumerate() {
            let id = InitiativeId::from_parts(1_700_000_000_000 + n as u64, [n as u8; 10]);
            let mut i = Initiative::new(id);
            let dot = i.next_dot(author).expect("a small counter");
            i.add_element("commune", Value::text(*commune), dot, Timestamp(0));
            if let Some(at) = at {
                let dot = i.next_dot(author).expect("a small counter");
                i.add_element(COORDINATES, Value::text(*at), dot, Timestamp(0));
            }
            c.insert(i);
        }
        c
    }

    #[test]
    fn longitude_is_scaled_by_the_cosine_of_latitude() {
        let c = census(&[
            ("Brest", Some("48.39,-4.49")),
            ("Brest", Some("48.41,-4.47")),
        ]);
        let p = Placed::new(&c, &[0, 1]);
        let expected = 48.4f64.to_radians().cos();
        assert!((p.scale - expected).abs() < 1e-9);
        assert!((p.points[0].x - -4.49 * expected).abs() < 1e-9);
        assert_eq!(p.points[0].y, 48.39);
        // The box holds every point, with a margin.
        for q in &p.points {
            assert!(p.bounds.contains(q.x, q.y));
        }
        assert!(p.bounds.north > 48.41 && p.bounds.south < 48.39);
    }

    #[test]
    fn single_and_identical_points_get_a_box() {
        let c = census(&[("A", Some("48.39,-4.49")), ("A", Some("48.39,-4.49"))]);
        for rows in [vec![0], vec![0, 1]] {
            let p = Placed::new(&c, &rows);
            assert!(p.bounds.width() > 0.0 && p.bounds.height() > 0.0);
            assert!(p.bounds.contains(p.points[0].x, p.points[0].y));
        }
        let empty = Placed::new(&c, &[]);
        assert!(empty.points.is_empty() && empty.bounds.width() > 0.0);
    }

    #[test]
    fn missing_and_invalid_coordinates_are_counted() {
        let c = census(&[
            ("A", Some("48.39,-4.49")),
            ("B", None),
            ("C", Some("not a point")),
            ("D", Some("95,3")),
        ]);
        let p = Placed::new(&c, &[0, 1, 2, 3]);
        assert_eq!(p.points.len(), 1);
        assert_eq!(p.missing, 3);
    }

    #[test]
    fn nearest_and_commune_centres() {
        let c = census(&[
            ("Brest", Some("48.0,-4.0")),
            ("brest", Some("48.2,-4.0")),
            ("Quimper", Some("47.0,-4.1")),
        ]);
        let p = Placed::new(&c, &[0, 1, 2]);
        let q = p.nearest(-4.1 * p.scale, 47.2).unwrap();
        assert_eq!(q.index, 2);
        let q = p.nearest(-4.0 * p.scale, 48.15).unwrap();
        assert_eq!(q.index, 1);
        let centres = p.commune_centres(&c);
        assert_eq!(centres[0].0, "Brest", "folded together, first spelling");
        assert_eq!(centres[0].3, 2);
        assert!((centres[0].2 - 48.1).abs() < 1e-9);
        assert_eq!(centres[1].0, "Quimper");
    }

    #[test]
    fn a_ratio_enlarges_one_side_only() {
        let b = Bounds {
            west: 0.0,
            east: 2.0,
            south: 0.0,
            north: 1.0,
        };
        let wide = b.with_ratio(4.0);
        assert!((wide.width() - 4.0).abs() < 1e-12 && (wide.height() - 1.0).abs() < 1e-12);
        let tall = b.with_ratio(1.0);
        assert!((tall.width() - 2.0).abs() < 1e-12 && (tall.height() - 2.0).abs() < 1e-12);
        assert!((tall.south - -0.5).abs() < 1e-12);
    }
}
