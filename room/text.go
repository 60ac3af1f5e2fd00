package room

import (
	"fmt"
	"strings"
)

// problem is a refusal the phone shows: a code the page may act on and the
// sentence in French and English (plain words, never a stack trace).
type problem struct {
	Status int    `json:"-"`
	Code   string `json:"code"`
	FR     string `json:"fr"`
	EN     string `json:"en"`
}

func (p *problem) Error() string { return p.EN }

// problems are the room's refusals, by code. %d takes a limit.
var problems = map[string]problem{
	"address":    {403, "", "Cet appareil n'est pas sur le réseau de la salle. Connectez-vous au même Wi-Fi que l'ordinateur de l'animateur.", "This device is not on the room's network. Join the same Wi-Fi as the facilitator's computer."},
	"code":       {404, "", "Ce code de salle n'est pas valable. Vérifiez l'adresse affichée au mur : la salle a peut-être été fermée puis rouverte.", "This room code is not valid. Check the address on the screen: the room may have been closed and opened again."},
	"tries":      {429, "", "Trop de codes erronés depuis cet appareil. Attendez une minute puis réessayez.", "Too many wrong codes from this device. Wait a minute and try again."},
	"rate":       {429, "", "Doucement : trop d'envois d'un coup. Attendez quelques secondes.", "Slow down: too many sends at once. Wait a few seconds."},
	"size":       {413, "", "Ce message est trop long pour la salle.", "This message is too long for the room."},
	"json":       {400, "", "La page n'a pas pu être comprise. Rechargez-la.", "The page's request could not be understood. Reload the page."},
	"full":       {403, "", "La salle est pleine : le nombre d'appareils est atteint. Demandez à l'animateur.", "The room is full: the number of devices is reached. Ask the facilitator."},
	"cookie":     {403, "", "Cet appareil n'a pas rejoint la salle. Rouvrez l'adresse de la salle (les cookies doivent être autorisés).", "This device has not joined the room. Open the room's address again (cookies must be allowed)."},
	"signed":     {409, "", "La charte est signée : le tableau ne peut plus changer.", "The charter is signed: the board can no longer change."},
	"closed":     {409, "", "La salle est fermée aux contributions.", "The room is closed to contributions."},
	"notcollect": {409, "", "Le moment d'écrire des cartes est passé : l'animateur a changé de phase.", "The time to write cards is over: the facilitator moved on."},
	"notvote":    {409, "", "Le vote n'est pas ouvert en ce moment.", "Voting is not open right now."},
	"empty":      {400, "", "La carte est vide : écrivez une idée.", "The card is empty: write an idea."},
	"long":       {400, "", "La carte est trop longue : %d caractères au plus.", "The card is too long: %d characters at most."},
	"kind":       {400, "", "Ce type de carte n'existe pas.", "This kind of card does not exist."},
	"who":        {409, "", "Dites d'abord qui vous êtes (ou restez anonyme).", "Say who you are first (or stay anonymous)."},
	"named":      {409, "", "L'animateur a choisi une salle anonyme : personne n'y donne son nom.", "The facilitator chose an anonymous room: nobody gives their name."},
	"taken":      {409, "", "Ce nom est déjà choisi sur un autre appareil.", "This name is already chosen on another device."},
	"nobody":     {400, "", "Cette personne n'est pas parmi les participants.", "This person is not among the participants."},
	"slots":      {409, "", "Il y a déjà autant d'appareils anonymes que de participants. Demandez à l'animateur d'en autoriser plus.", "There are already as many anonymous devices as participants. Ask the facilitator to allow more."},
	"nocard":     {404, "", "Cette carte n'est plus au tableau.", "This card is no longer on the board."},
	"budget":     {409, "", "Vous avez placé tous vos points (%d).", "You have placed all your dots (%d)."},
	"cap":        {409, "", "Cette carte a atteint le plafond de %d points.", "This card has reached the cap of %d dots."},
	"nodot":      {409, "", "Vous n'avez pas de point sur cette carte.", "You have no dot on this card."},
	"total":      {409, "", "Les votes de cette carte ont été comptés au mur : l'animateur les saisit.", "This card's votes were counted on a wall: the facilitator types them in."},
	"method":     {405, "", "Cette action n'existe pas.", "This action does not exist."},
	"notfound":   {404, "", "Cette page n'existe pas dans la salle.", "This page does not exist in the room."},
	"busy":       {503, "", "L'application de l'animateur ne répond pas. Réessayez dans un instant.", "The facilitator's app is not answering. Try again in a moment."},
}

// refuse returns the problem of code, with its limit written in.
func refuse(code string, args ...any) *problem {
	p, ok := problems[code]
	if !ok {
		panic("room: no problem " + code) // a programming error, caught by the tests
	}
	p.Code = code
	if len(args) > 0 {
		p.FR, p.EN = fmt.Sprintf(p.FR, args...), fmt.Sprintf(p.EN, args...)
	}
	p.FR = frenchSpaces(p.FR)
	return &p
}

// frenchSpaces puts a no-break space before French high punctuation.
func frenchSpaces(s string) string {
	r := strings.NewReplacer(" :", "\u00a0:", " ;", "\u202f;", " ?", "\u202f?", " !", "\u202f!")
	return r.Replace(s)
}
