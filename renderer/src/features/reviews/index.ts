/** QA reviews: a supervisor scores a contact from the history (`reviews.create`); an agent reads their own (`reviews.mine`, `#/reviews`). */
import './reviews.css';
export { MyReviews } from './MyReviews';
export { ReviewContactButton } from './ReviewContactButton';
