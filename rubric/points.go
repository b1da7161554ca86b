package rubric

import "slices"

// MaxPoints returns the most points the criterion can earn under
// points-based scoring: points × the best level for a scale, points for a
// bool, the best bracket (or points) for a number, the best choice for a
// choice, and the sum of the positive choices, capped by max_points, for a
// multi. The scale of a scale criterion is looked up in r.
func (r *Rubric) MaxPoints(c *Criterion) float64 {
	pts := 0.0
	if c.Points != nil {
		pts = *c.Points
	}
	switch c.Type {
	case AnswerScale:
		best := 0.0
		for _, s := range r.Scales {
			if s.ID == c.Scale {
				for _, l := range s.Levels {
					best = max(best, l.Score)
				}
			}
		}
		return pts * best
	case AnswerBoolean:
		return pts
	case AnswerNumber:
		if len(c.Brackets) == 0 {
			return pts
		}
		best := 0.0
		for _, b := range c.Brackets {
			switch {
			case b.Points != nil:
				best = max(best, *b.Points)
			case b.Score != nil:
				best = max(best, *b.Score*pts)
			}
		}
		return best
	case AnswerChoice:
		best := 0.0
		for _, ch := range c.Choices {
			best = max(best, ch.Points)
		}
		return best
	case AnswerMulti:
		sum := 0.0
		for _, ch := range c.Choices {
			sum += max(0, ch.Points)
		}
		if c.MaxPoints != nil {
			sum = min(sum, *c.MaxPoints)
		}
		return sum
	}
	return 0
}

// scoreMaxPoints returns the most points a named score can reach before
// adjustments: the sum over its sections (all sections when it names none).
func (r *Rubric) scoreMaxPoints(s *Score) float64 {
	total := 0.0
	for _, sec := range r.Sections {
		if len(s.Sections) > 0 && !slices.Contains(s.Sections, sec.ID) {
			continue
		}
		for i := range sec.Criteria {
			total += r.MaxPoints(&sec.Criteria[i])
		}
	}
	return total
}
