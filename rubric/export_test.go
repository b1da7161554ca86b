package rubric

// KeepsNodeTree reports whether r holds the node tree of its file.
func KeepsNodeTree(r *Rubric) bool { return r.src.file.doc != nil }
